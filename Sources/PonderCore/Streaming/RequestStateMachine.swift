import Foundation

/// The life of one chat request, independent of any I/O: connecting → (queued) → thinking →
/// answering → finished, or failed / cancelled, with automatic retries of 429/5xx before the first
/// token. Every input returns the actions the driver must perform, in order.
public struct RequestStateMachine: Sendable {
    public enum State: Equatable, Sendable {
        case idle
        case connecting
        case queued
        case thinking
        case answering
        case retrying(attempt: Int)
        case finished(FinishReason)
        case failed(ChatError)
        case cancelled

        public var isTerminal: Bool { terminalPhase != nil }

        /// The phase the request ended in, once it has ended.
        public var terminalPhase: RequestPhase? {
            switch self {
            case .finished(let reason): return .finished(reason)
            case .failed(let error): return .failed(error)
            case .cancelled: return .cancelled
            case .idle, .connecting, .queued, .thinking, .answering, .retrying: return nil
            }
        }
    }

    /// What the driver must do. Once the state is terminal the driver stops reading the body, which
    /// closes the connection (the request is cancelled when its body sequence is dropped).
    public enum Action: Equatable, Sendable {
        /// Deliver this event to the consumer.
        case emit(ChatStreamEvent)
        /// Wait `delay` seconds, then send the request again (call `retryStarted`).
        case retry(after: Double)
        /// Keep the provider's own record of the reasoning with the answer (reported before the end).
        case record(ProviderReasoning)
    }

    /// Retry policy for 429/5xx before the first token.
    public struct RetryPolicy: Equatable, Sendable {
        public var maxRetries: Int
        public var initialBackoff: Double
        public var maxBackoff: Double
        /// A server asking (with `Retry-After`) for a longer wait than this is not retried
        /// automatically: the error says how long it asked for.
        public var maxRetryAfter: Double

        public init(
            maxRetries: Int = 3, initialBackoff: Double = 1, maxBackoff: Double = 20, maxRetryAfter: Double = 120
        ) {
            self.maxRetries = maxRetries
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.maxRetryAfter = maxRetryAfter
        }

        /// Seconds to wait before retry number `attempt` (1-based): what the server asked for with
        /// `Retry-After`, else doubling from `initialBackoff` up to `maxBackoff`.
        public func delay(attempt: Int, retryAfter: Double? = nil) -> Double {
            if let retryAfter { return retryAfter }
            return min(maxBackoff, initialBackoff * pow(2, Double(max(0, attempt - 1))))
        }
    }

    public private(set) var state: State = .idle
    public private(set) var timings = ResponseTimings()
    public private(set) var usage = TokenUsage()
    /// Reasoning or answer text has arrived (no more automatic retries).
    public private(set) var producedContent = false
    /// Reasoning and answer pieces received, for the figures the provider does not report.
    public private(set) var reasoningPieces = 0
    public private(set) var answerPieces = 0
    public private(set) var retriesUsed = 0
    public let policy: RetryPolicy

    public init(policy: RetryPolicy = RetryPolicy()) {
        self.policy = policy
    }

    public mutating func start() -> [Action] {
        guard state == .idle else { return [] }
        state = .connecting
        return [.emit(.phase(.connecting))]
    }

    public mutating func requestSent(at now: Date) -> [Action] {
        guard !state.isTerminal, timings.sent == nil else { return [] }
        timings.sent = now
        return [.emit(.timings(timings))]
    }

    /// The response head arrived (the first bytes of the response).
    public mutating func responseStarted(at now: Date) -> [Action] {
        guard !state.isTerminal, timings.firstByte == nil else { return [] }
        timings.firstByte = now
        return [.emit(.timings(timings))]
    }

    public mutating func received(_ deltas: [StreamDelta], at now: Date) -> [Action] {
        var actions: [Action] = []
        for delta in deltas {
            if state.isTerminal { break }
            switch delta {
            case .keepAlive:
                if state == .connecting {
                    state = .queued
                    actions.append(.emit(.phase(.queued)))
                }
            case .reasoning(let text):
                producedContent = true
                if state != .thinking {
                    state = .thinking
                    actions.append(.emit(.phase(.thinking)))
                }
                if timings.firstReasoning == nil {
                    timings.firstReasoning = now
                    actions.append(.emit(.timings(timings)))
                }
                reasoningPieces += 1
                actions.append(.emit(.reasoning(text)))
            case .answer(let text):
                producedContent = true
                if state != .answering {
                    state = .answering
                    actions.append(.emit(.phase(.answering)))
                }
                if timings.firstAnswer == nil {
                    timings.firstAnswer = now
                    actions.append(.emit(.timings(timings)))
                }
                answerPieces += 1
                actions.append(.emit(.answer(text)))
            case .usage(let reported):
                usage.merge(reported)
                actions.append(.emit(.usage(usage)))
            case .providerReasoning(let record):
                actions.append(.record(record))
            case .finished(let reason):
                actions += end(.finished(reason), at: now)
            case .failed(let error):
                actions += end(.failed(error), at: now)
            }
        }
        return actions
    }

    /// The request failed before or during the response. Retries 429/5xx while nothing was produced,
    /// after the `Retry-After` seconds the server asked for (unless that is longer than the policy allows).
    public mutating func failed(_ error: ChatError, retryAfter: Double? = nil, at now: Date) -> [Action] {
        guard !state.isTerminal else { return [] }
        if error.isRetryable, let retryAfter, retryAfter > policy.maxRetryAfter {
            var error = error
            error.message +=
                " The provider asks to wait \(ChatError.seconds(retryAfter.rounded(.up))) before the next try."
            return end(.failed(error), at: now)
        }
        if error.isRetryable, !producedContent, retriesUsed < policy.maxRetries {
            retriesUsed += 1
            let delay = policy.delay(attempt: retriesUsed, retryAfter: retryAfter)
            state = .retrying(attempt: retriesUsed)
            return [
                .emit(.phase(.retrying(attempt: retriesUsed, until: now.addingTimeInterval(delay)))),
                .retry(after: delay),
            ]
        }
        return end(.failed(error), at: now)
    }

    public mutating func retryStarted() -> [Action] {
        guard case .retrying = state else { return [] }
        state = .connecting
        timings.sent = nil
        timings.firstByte = nil
        return [.emit(.phase(.connecting))]
    }

    /// The body ended. Without a terminal delta before it, the response was cut off.
    public mutating func endOfStream(at now: Date) -> [Action] {
        guard !state.isTerminal else { return [] }
        return end(.failed(.interrupted()), at: now)
    }

    public mutating func cancel(at now: Date) -> [Action] {
        guard !state.isTerminal else { return [] }
        return end(.cancelled, at: now)
    }

    /// Ends the request, however it ended (a stopped or cut-off answer keeps its time and its
    /// counted tokens too).
    private mutating func end(_ terminal: State, at now: Date) -> [Action] {
        state = terminal
        timings.finished = now
        var actions: [Action] = [.emit(.timings(timings))]
        let filled = usage.fillingInCounts(reasoning: reasoningPieces, answer: answerPieces)
        if filled != usage {
            usage = filled
            actions.append(.emit(.usage(usage)))
        }
        return actions + [.emit(.phase(terminal.terminalPhase ?? .cancelled))]
    }
}
