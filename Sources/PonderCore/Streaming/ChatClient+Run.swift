import AsyncHTTPClient
import Foundation
import NIOCore

/// Driving one request: the retry loop around single attempts, each feeding the response body through
/// `ResponseStreamDecoder` into `RequestStateMachine` and performing the actions it returns.
extension ChatClient {
    private enum AttemptOutcome {
        case done
        case retry(after: Double)
    }

    /// The same events as `stream(_:)`, handed to `emit` in the task that reads the response, as
    /// they are decoded — one thread hop less per token than iterating the stream. Returns the
    /// terminal phase (also the last event emitted); cancelling the calling task cancels the request.
    /// `record` gets the provider's own record of the reasoning (Anthropic signed thinking blocks,
    /// OpenRouter reasoning details) before the terminal phase is emitted, for the stored message.
    @discardableResult
    public func run(
        _ request: ChatRequest, emit: @escaping @Sendable (ChatStreamEvent) -> Void,
        record: (@Sendable (ProviderReasoning) -> Void)? = nil
    ) async -> RequestPhase {
        let sink = ActionSink(emit: emit, record: record)
        var machine = RequestStateMachine(policy: configuration.retryPolicy)
        perform(machine.start(), to: sink)
        let prepared = RequestBuilder.chatRequest(for: request)
        guard URLParts(prepared.url) != nil else {
            perform(machine.failed(.badURL(prepared.url), at: Date()), to: sink)
            return machine.state.terminalPhase ?? .cancelled
        }
        while true {
            let outcome = await attempt(prepared, request: request, machine: &machine, to: sink)
            guard case .retry(let delay) = outcome else { break }
            do {
                try await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1_000_000_000))
            } catch {
                perform(machine.cancel(at: Date()), to: sink)
                break
            }
            perform(machine.retryStarted(), to: sink)
        }
        return machine.state.terminalPhase ?? .cancelled
    }

    private func attempt(
        _ prepared: PreparedRequest,
        request: ChatRequest,
        machine: inout RequestStateMachine,
        to sink: ActionSink
    ) async -> AttemptOutcome {
        var http = HTTPClientRequest(url: prepared.url)
        http.method = prepared.method == "GET" ? .GET : .POST
        for header in prepared.headers { http.headers.add(name: header.name, value: header.value) }
        if let body = prepared.body { http.body = .bytes(ByteBuffer(bytes: body.serializedBytes)) }
        let host = URLParts(prepared.url)?.host ?? prepared.url
        var decoder = ResponseStreamDecoder(
            kind: request.settings.kind,
            forcedOpenThink: configuration.forcedOpenThink || ThinkTemplateHabit.opensThink(request.settings),
            maximumLineLength: configuration.maximumLineLength
        )
        var deltas: [StreamDelta] = []
        var responseStarted = false
        do {
            if Task.isCancelled { throw CancellationError() }
            perform(machine.requestSent(at: Date()), to: sink)
            let response = try await httpClient(for: prepared.url).execute(http, deadline: .now() + .hours(12))
            responseStarted = true
            perform(machine.responseStarted(at: Date()), to: sink)
            guard (200..<300).contains(Int(response.status.code)) else {
                let body = try await Self.collect(response.body, limit: 64 << 10)
                let error = ChatError.fromHTTP(
                    status: Int(response.status.code), body: body, settings: request.settings)
                let retryAfter = response.headers.first(name: "retry-after").flatMap { Double($0) }
                return outcome(of: machine.failed(error, retryAfter: retryAfter, at: Date()), to: sink)
            }
            for try await buffer in response.body {
                deltas.removeAll(keepingCapacity: true)
                buffer.withUnsafeReadableBytes { decoder.feed($0, into: &deltas) }
                if deltas.isEmpty { continue }
                perform(machine.received(deltas, at: Date()), to: sink)
                if machine.state.isTerminal { return .done }
            }
            if Task.isCancelled { throw CancellationError() }
            perform(machine.received(decoder.finish(), at: Date()), to: sink)
            perform(machine.endOfStream(at: Date()), to: sink)
            return .done
        } catch {
            let now = Date()
            if Task.isCancelled || error is CancellationError {
                perform(machine.cancel(at: now), to: sink)
                return .done
            }
            if responseStarted {
                // Mid-body failure: keep what was decoded, then report why it stopped.
                perform(machine.received(decoder.finish(), at: now), to: sink)
            }
            let chatError = chatError(for: error, host: host, responseStarted: responseStarted)
            return outcome(of: machine.failed(chatError, at: now), to: sink)
        }
    }

    private func outcome(of actions: [RequestStateMachine.Action], to sink: ActionSink)
        -> AttemptOutcome
    {
        perform(actions, to: sink)
        for action in actions {
            if case .retry(let delay) = action { return .retry(after: delay) }
        }
        return .done
    }

    private func perform(_ actions: [RequestStateMachine.Action], to sink: ActionSink) {
        for action in actions {
            switch action {
            case .emit(let event): sink.emit(event)
            case .record(let record): sink.record?(record)
            case .retry: break  // the caller waits and sends again
            }
        }
    }

    /// Where `perform` delivers what the state machine asks for.
    struct ActionSink: Sendable {
        var emit: @Sendable (ChatStreamEvent) -> Void
        var record: (@Sendable (ProviderReasoning) -> Void)?
    }

    static func collect(_ body: HTTPClientResponse.Body, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            let room = limit - bytes.count
            if room <= 0 { continue }
            bytes.append(contentsOf: buffer.readableBytesView.prefix(room))
        }
        return bytes
    }

    /// Maps transport errors to a `ChatError` the user can act on.
    func chatError(for error: any Error, host: String, responseStarted: Bool) -> ChatError {
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .readTimeout:
                return .idleTimeout(seconds: configuration.idleTimeout)
            case .connectTimeout, .tlsHandshakeTimeout, .httpProxyHandshakeTimeout:
                return .connectTimeout(host: host, seconds: configuration.connectTimeout)
            case .remoteConnectionClosed:
                let detail = "the server closed the connection"
                return responseStarted ? .interrupted(detail) : .network(host: host, detail: detail)
            case .proxyAuthenticationRequired:
                return .network(
                    host: host, detail: "the proxy requires authentication (set user:password in HTTPS_PROXY)")
            case .invalidProxyResponse:
                return .network(host: host, detail: "the proxy refused the tunnel")
            default:
                break
            }
        }
        let detail = Self.describe(error)
        return responseStarted ? .interrupted(detail) : .network(host: host, detail: detail)
    }

    /// A short description of a NIO/AHC/TLS error without type-name noise.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        let lowered = text.lowercased()
        if lowered.contains("connection refused") || lowered.contains("econnrefused") { return "connection refused" }
        if lowered.contains("connection reset") || lowered.contains("econnreset") { return "connection reset by peer" }
        if lowered.contains("dns") || lowered.contains("name resolution") || lowered.contains("nodename") {
            return "the host name could not be resolved"
        }
        if lowered.contains("ssl") || lowered.contains("tls") || lowered.contains("certificate")
            || lowered.contains("handshake")
        {
            return "TLS failed (\(text.prefix(160)))"
        }
        return String(text.prefix(200))
    }
}
