import AsyncHTTPClient
import Foundation
import NIOCore

/// Streams chat responses from any configured provider: builds the provider's request, sends it
/// through async-http-client, decodes the streamed body and reports events in order, ending with a
/// terminal `.phase`. One instance is shared by the whole app; call `shutdown()` before exit.
public final class ChatClient: Sendable {
    /// Timeouts, retries, proxy and limits.
    public struct Configuration: Sendable {
        /// Seconds allowed to open the connection (TCP, proxy tunnel and TLS).
        public var connectTimeout: Double
        /// Seconds without any byte from the server (keep-alive comments count) before giving up, for
        /// providers without their own `idle_timeout`.
        public var idleTimeout: Double
        /// Automatic retries of 429/500/503 before the first token, with doubling backoff.
        public var retryPolicy: RequestStateMachine.RetryPolicy
        /// The proxy to use; read from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` (either case) by default.
        public var proxy: ProxySettings
        /// A longer SSE event or NDJSON line fails the stream instead of growing memory without bound.
        public var maximumLineLength: Int
        /// For templates that pre-fill `<think>`: inline answer text starts as reasoning.
        public var forcedOpenThink: Bool

        public init(
            connectTimeout: Double = 15,
            idleTimeout: Double = 300,
            retryPolicy: RequestStateMachine.RetryPolicy = .init(),
            proxy: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment),
            maximumLineLength: Int = 16 << 20,
            forcedOpenThink: Bool = false
        ) {
            self.connectTimeout = connectTimeout
            self.idleTimeout = idleTimeout
            self.retryPolicy = retryPolicy
            self.proxy = proxy
            self.maximumLineLength = maximumLineLength
            self.forcedOpenThink = forcedOpenThink
        }

        /// Shorthand for `retryPolicy.maxRetries`.
        public var maxRetries: Int {
            get { retryPolicy.maxRetries }
            set { retryPolicy.maxRetries = newValue }
        }
    }

    public let configuration: Configuration
    /// The event loop every streamed response is read on (the connection's loop too): one chat at a
    /// time needs no more, and connections stay reusable from one request to the next.
    let eventLoop: any EventLoop
    let direct: HTTPClient
    let viaHTTPSProxy: HTTPClient?
    let viaHTTPProxy: HTTPClient?

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        direct = HTTPClient(configuration: Self.httpConfiguration(configuration, proxy: nil))
        eventLoop = direct.eventLoopGroup.next()
        viaHTTPSProxy = configuration.proxy.https.map {
            HTTPClient(configuration: Self.httpConfiguration(configuration, proxy: $0))
        }
        viaHTTPProxy = configuration.proxy.http.map {
            HTTPClient(configuration: Self.httpConfiguration(configuration, proxy: $0))
        }
    }

    /// Events in order; the last is `.phase` with a terminal phase (.finished / .failed / .cancelled).
    /// Cancelling the consuming Task (or dropping the stream) cancels the request and closes the connection.
    /// `record` is called as in `run(_:emit:record:)`, before the terminal phase is yielded.
    public func stream(
        _ request: ChatRequest, record: (@Sendable (ProviderReasoning) -> Void)? = nil
    ) -> AsyncStream<ChatStreamEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ChatStreamEvent.self, bufferingPolicy: .unbounded)
        let task = Task {
            await self.run(request, emit: { continuation.yield($0) }, record: record)
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Runs `body` once, `delay` from now, on the event loop that reads the responses: a stream's
    /// consumer coalescing its events wakes no other thread for its timer, as that loop is awake for
    /// the tokens anyway.
    public func afterDelay(_ delay: Duration, _ body: @escaping @Sendable () -> Void) {
        eventLoop.scheduleTask(in: .nanoseconds(delay.nanoseconds)) { body() }
    }

    /// Stops the HTTP clients; in-flight requests fail. Call once, before exit.
    public func shutdown() async {
        for client in [direct, viaHTTPSProxy, viaHTTPProxy].compactMap({ $0 }) {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                client.shutdown(queue: Self.shutdownQueue) { _ in done.resume() }
            }
        }
    }

    /// Where a shut-down client reports back. A serial queue of our own, not the global queue the HTTP
    /// client reports on by default: libdispatch's first worker for a global queue starts a timer that
    /// wakes the process every second from then on (the model picker shuts a client down each time).
    private static let shutdownQueue = DispatchQueue(label: "ponder.http.shutdown")

    /// The HTTP client for a URL: through the proxy unless `NO_PROXY` exempts its host.
    func httpClient(for url: String) -> HTTPClient {
        guard let parts = URLParts(url) else { return direct }
        let isHTTPS = parts.scheme == "https"
        guard configuration.proxy.proxy(scheme: parts.scheme, host: parts.host, port: parts.port) != nil else {
            return direct
        }
        return (isHTTPS ? viaHTTPSProxy : viaHTTPProxy) ?? direct
    }

    private static func httpConfiguration(_ configuration: Configuration, proxy: ProxySettings.Server?)
        -> HTTPClient.Configuration
    {
        // Streams time out on their own idle timer (`ResponsePartStream`), per provider; the client's
        // read timeout would cut them at one fixed value.
        var http = HTTPClient.Configuration(
            timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000)), read: nil)
        )
        http.decompression = .disabled
        // A refused connection is reported at once; retrying would hide it until the connect timeout.
        http.connectionPool.retryConnectionEstablishment = false
        if let proxy {
            let authorization = proxy.username.map {
                HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
            }
            http.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        return http
    }
}

/// The scheme, host and port of an http(s) URL.
struct URLParts: Equatable {
    var scheme: String
    var host: String
    var port: Int

    init?(_ text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = components.port ?? (scheme == "https" ? 443 : 80)
    }
}
