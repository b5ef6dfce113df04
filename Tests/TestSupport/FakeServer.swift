import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import PonderCore

/// A real HTTP server on 127.0.0.1 that imitates chat providers (DeepSeek/OpenAI SSE, Ollama NDJSON,
/// Anthropic events) with scripted scenarios and fault modes, and records every request it receives.
public final class FakeServer: Sendable {
    /// A request as the server received it.
    public struct RecordedRequest: Sendable {
        public var method: String
        public var path: String
        /// Header names lowercased.
        public var headers: [String: String]
        public var body: [UInt8]
        /// Identifies the TCP connection the request came on.
        public var connectionID: Int
        /// The request target as sent: a path, or an absolute URI when the client went through a proxy.
        public var target: String
        /// The name of the scenario the server answered it with (nil for a listing, and for a request it
        /// only recorded).
        public var scenario: String?

        /// The body parsed as JSON, when it is JSON.
        public var json: JSONValue? { try? JSONValue.parse(body) }
    }

    /// One token as the server wrote it (paced and chunk-per-token scenarios log every token).
    public struct SentToken: Sendable {
        /// When its bytes were handed to the socket.
        public var time: Date
        public var text: String
        public var isReasoning: Bool
        /// The request it answered: 1 for the first request the server received.
        public var request: Int
    }

    struct State {
        var queue: [FakeScenario] = []
        var requests: [RecordedRequest] = []
        var sent: [SentToken] = []
        var closedConnections: Set<Int> = []
        var nextConnectionID = 1
        var failuresByScenario: [String: Int] = [:]
    }

    let state = FakeLock(State())
    let defaultScenario: FakeScenario
    /// Where every sent token is also appended as a JSON line (for other processes to read).
    let sentLog: FileHandle?
    /// A file each request is appended to as one line: its target, a tab, its body (see `start`).
    let requestLog: URL?
    /// Paths this server does not serve, with the HTTP status it answers on them (a server or proxy
    /// without DeepSeek's beta prefix completion answers 404, 405 or 501 on `/beta/chat/completions`).
    let refusedPaths: [String: Int]
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    public let port: Int

    private init(
        defaultScenario: FakeScenario, sentLog: FileHandle?, requestLog: URL?, refusedPaths: [String: Int],
        group: MultiThreadedEventLoopGroup, channel: any Channel, port: Int
    ) {
        self.defaultScenario = defaultScenario
        self.refusedPaths = refusedPaths
        self.sentLog = sentLog
        self.requestLog = requestLog
        self.group = group
        self.channel = channel
        self.port = port
    }

    /// Starts a server on 127.0.0.1 at `port` (0 picks a free one). With `sentLog`, every token a
    /// paced scenario sends is also appended to that file as one JSON line
    /// (`{"time":…,"request":…,"reasoning":…,"text":…}`, time in seconds since 1970). With `requestLog`,
    /// every request is also appended to that file as one line — target, tab, body (a JSON body's raw
    /// line breaks, which can only be white space between its tokens, become spaces) — for a test in
    /// another process. A request to one of `refusedPaths` is recorded and answered with its status
    /// and an error body, taking no queued scenario.
    public static func start(
        defaultScenario: FakeScenario = .standard, port: Int = 0, sentLog: URL? = nil, requestLog: URL? = nil,
        refusedPaths: [String: Int] = [:]
    ) async throws -> FakeServer {
        var logHandle: FileHandle?
        if let sentLog {
            _ = FileManager.default.createFile(atPath: sentLog.path, contents: nil)
            logHandle = try FileHandle(forWritingTo: sentLog)
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let box = FakeLock<FakeServer?>(nil)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMap {
                    guard let server = box.withLock({ $0 }) else {
                        return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                    }
                    return channel.pipeline.addHandler(FakeRequestHandler(server: server))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        let server = FakeServer(
            defaultScenario: defaultScenario, sentLog: logHandle, requestLog: requestLog, refusedPaths: refusedPaths,
            group: group, channel: channel,
            port: channel.localAddress?.port ?? port)
        box.withLock { $0 = server }
        return server
    }

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The next request gets `scenario` (first in, first out); without one queued, the request's
    /// `model` picks a named scenario, else the default applies. A title request (see
    /// `FakeScenario.isTitleRequest`) always gets `FakeScenario.title`; neither it nor a `GET` (a model
    /// listing) takes anything queued.
    public func enqueue(_ scenario: FakeScenario) {
        state.withLock { $0.queue.append(scenario) }
    }

    public var receivedRequests: [RecordedRequest] { state.withLock { $0.requests } }

    /// How many requests came that were not title requests (see `FakeScenario.isTitleRequest`): the
    /// questions, retries and continuations a client sent.
    public var askedCount: Int { receivedRequests.filter { !FakeScenario.isTitleRequest($0.json) }.count }

    /// Every token a paced (or chunk-per-token) scenario has written so far, in order.
    public var sentTokens: [SentToken] { state.withLock { $0.sent } }

    /// Whether the connection that carried `request` has been closed (by either side).
    public func connectionClosed(for request: RecordedRequest) -> Bool {
        state.withLock { $0.closedConnections.contains(request.connectionID) }
    }

    public func stop() async {
        channel.close(promise: nil)
        try? await channel.closeFuture.get()
        try? await group.shutdownGracefully()
    }

    // MARK: - Used by the request handler

    func newConnectionID() -> Int {
        state.withLock { state in
            defer { state.nextConnectionID += 1 }
            return state.nextConnectionID
        }
    }

    func connectionDidClose(_ id: Int) {
        _ = state.withLock { $0.closedConnections.insert(id) }
    }

    /// Records the request and picks its scenario; also returns the request's number (1-based).
    /// Records a request that gets no scenario (one to a refused path).
    func record(_ request: RecordedRequest) {
        state.withLock { state in
            state.requests.append(request)
            log(request)
        }
    }

    func accept(_ request: RecordedRequest) -> (FakeScenario, Int) {
        state.withLock { state in
            state.requests.append(request)
            log(request)
            let number = state.requests.count
            // A listing (GET) is answered the same whatever the scenario: it takes nothing queued.
            if request.method == "GET" { return (defaultScenario, number) }
            let scenario: FakeScenario
            if FakeScenario.isTitleRequest(request.json) {
                scenario = .title
            } else if !state.queue.isEmpty {
                scenario = state.queue.removeFirst()
            } else if let model = request.json?["model"]?.stringValue, let named = FakeScenario.named(model) {
                scenario = named
            } else {
                scenario = defaultScenario
            }
            state.requests[number - 1].scenario = scenario.name
            return (scenario, number)
        }
    }

    func recordSent(_ text: String, isReasoning: Bool, request: Int) {
        let token = SentToken(time: Date(), text: text, isReasoning: isReasoning, request: request)
        state.withLock { $0.sent.append(token) }
        guard let sentLog else { return }
        let line: JSONValue = [
            "time": .number(token.time.timeIntervalSince1970), "request": .number(Double(request)),
            "reasoning": .bool(isReasoning), "text": .string(text),
        ]
        sentLog.write(Data((line.serialized + "\n").utf8))
    }

    /// For `statusThenSuccess`: whether this request should still fail (counts per scenario name).
    func shouldFail(_ scenario: FakeScenario, times: Int) -> Bool {
        state.withLock { state in
            let used = state.failuresByScenario[scenario.name, default: 0]
            guard used < times else { return false }
            state.failuresByScenario[scenario.name] = used + 1
            return true
        }
    }

    /// Appends a request to `requestLog` (under the state lock, so lines keep the order requests came in).
    private func log(_ request: RecordedRequest) {
        guard let requestLog else { return }
        let body = String(decoding: request.body, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        let line = Data((request.target + "\t" + body + "\n").utf8)
        if let handle = try? FileHandle(forWritingTo: requestLog) {
            handle.seekToEndOfFile()
            handle.write(line)
            try? handle.close()
        } else {
            try? line.write(to: requestLog)
        }
    }
}
