import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Driving one request: the retry loop around single attempts, each lending the `RequestStateMachine` to
/// a `ResponseBodyReader` that decodes the body on the connection's event loop and performs the actions
/// the machine returns there.
extension ChatClient {
    private enum AttemptOutcome {
        case done
        case retry(after: Double)
    }

    /// The same events as `stream(_:)`, handed to `emit` as they are decoded; those of the body on the
    /// connection's event loop thread, with no thread hop per token (so `emit` must be quick and must not
    /// block). Returns the terminal phase (also the last event emitted); cancelling the calling task
    /// cancels the request.
    /// `record` gets the provider's own record of the reasoning (Anthropic signed thinking blocks,
    /// OpenRouter reasoning details) before the terminal phase is emitted, for the stored message.
    @discardableResult
    public func run(
        _ request: ChatRequest, emit deliver: @escaping @Sendable (ChatStreamEvent) -> Void,
        record: (@Sendable (ProviderReasoning) -> Void)? = nil
    ) async -> RequestPhase {
        // Whatever failed — the server's error object, the transport, the local engine — the key of
        // this request never leaves in the error's message.
        let key = request.settings.apiKey
        let emit: @Sendable (ChatStreamEvent) -> Void = { event in
            if case .phase(.failed(let error)) = event {
                deliver(.phase(.failed(error.redacting(key))))
            } else {
                deliver(event)
            }
        }
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
                try await LoopSleep.sleep(for: .nanoseconds(Int64(max(0, delay) * 1_000_000_000)))
            } catch {
                perform(machine.cancel(at: Date()), to: sink)
                break
            }
            perform(machine.retryStarted(), to: sink)
        }
        let phase = machine.state.terminalPhase ?? .cancelled
        if case .failed(let error) = phase { return .failed(error.redacting(key)) }
        return phase
    }

    private func attempt(
        _ prepared: PreparedRequest,
        request: ChatRequest,
        machine: inout RequestStateMachine,
        to sink: ActionSink
    ) async -> AttemptOutcome {
        let host = URLParts(prepared.url)?.host ?? prepared.url
        let http: HTTPClient.Request
        do {
            var headers = HTTPHeaders()
            for header in prepared.headers { headers.add(name: header.name, value: header.value) }
            http = try HTTPClient.Request(
                url: prepared.url, method: prepared.method == "GET" ? .GET : .POST, headers: headers,
                body: prepared.body.map { .bytes($0.serializedBytes) })
        } catch {
            return outcome(of: machine.failed(.badURL(prepared.url), at: Date()), to: sink)
        }
        if Task.isCancelled {
            perform(machine.cancel(at: Date()), to: sink)
            return .done
        }
        perform(machine.requestSent(at: Date()), to: sink)
        let decoder = ResponseStreamDecoder(
            kind: request.settings.kind,
            forcedOpenThink: configuration.forcedOpenThink || ThinkTemplateHabit.opensThink(request.settings),
            maximumLineLength: configuration.maximumLineLength
        )
        let reader = ResponseBodyReader(machine: machine, decoder: decoder) { [self] in perform($0, to: sink) }
        let response = ResponsePartStream(idleTimeout: idleTimeout(for: request.settings), reader: reader)
        let task = response.start(http, on: httpClient(for: prepared.url), eventLoop: eventLoop)
        let ending = await withTaskCancellationHandler {
            var endings = response.ending.makeAsyncIterator()
            return await endings.next()
        } onCancel: {
            reader.stop()
            task.cancel()
        }
        let (actions, returned) = reader.withState { state in
            let actions = finish(&state, ending: Task.isCancelled ? nil : ending, request: request, host: host)
            return (actions, state.machine)
        }
        machine = returned
        return outcome(of: actions, to: sink)
    }

    /// The actions that end an attempt whose response the reader has read up to `ending` (nil when the
    /// request was cancelled).
    private func finish(
        _ state: inout ResponseBodyReader.State, ending: ResponsePartStream.Ending?, request: ChatRequest,
        host: String
    ) -> [RequestStateMachine.Action] {
        let now = Date()
        if state.machine.state.isTerminal { return [] }
        switch ending {
        case nil:
            return state.machine.cancel(at: now)
        case .end:
            if let refusal = state.refusal {
                let error = ChatError.fromHTTP(status: refusal.status, body: refusal.body, settings: request.settings)
                return state.machine.failed(error, retryAfter: refusal.retryAfter, at: now)
            }
            return state.machine.received(state.decoder.finish(), at: now) + state.machine.endOfStream(at: now)
        case .failed(let error):
            if let refusal = state.refusal {
                // The error body was cut off: report the status with what arrived of it.
                let error = ChatError.fromHTTP(status: refusal.status, body: refusal.body, settings: request.settings)
                return state.machine.failed(error, retryAfter: refusal.retryAfter, at: now)
            }
            var actions: [RequestStateMachine.Action] = []
            if state.responseStarted {
                // Mid-body failure: keep what was decoded, then report why it stopped.
                actions = state.machine.received(state.decoder.finish(), at: now)
            }
            let chatError =
                error is ResponsePartStream.IdleTimeout
                ? ChatError.idleTimeout(seconds: idleTimeout(for: request.settings), provider: request.settings.name)
                : chatError(for: error, host: host, responseStarted: state.responseStarted)
            return actions + state.machine.failed(chatError, at: now)
        }
    }

    /// How much of an error response's body is read for its message.
    static let errorBodyLimit = 64 << 10

    /// Seconds without a byte before a request gives up: the provider's `idle_timeout`, else the client's.
    func idleTimeout(for settings: ProviderSettings) -> Double {
        settings.idleTimeout ?? configuration.idleTimeout
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
        if let parserError = error as? HTTPParserError, parserError == .invalidEOFState {
            // The connection ended in the middle of the body (a FIN before the last chunk).
            return chatError(for: HTTPClientError.remoteConnectionClosed, host: host, responseStarted: responseStarted)
        }
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .readTimeout:
                return .idleTimeout(seconds: configuration.idleTimeout, provider: nil)
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
