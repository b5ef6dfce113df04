import Foundation
import PonderCore

/// The request being streamed: which assistant message it fills, where it is, and live counters
/// for the thinking panel's header.
public struct StreamProgress: Equatable, Sendable {
    public var messageID: MessageID
    public var phase: RequestPhase
    /// Reasoning and answer deltas received (about one token each), for the live counters.
    public var reasoningChunks = 0
    public var answerChunks = 0
    /// Wall-clock time of the latest update; the header's clock stops between updates.
    public var updatedAt: Date
    /// How long nothing has arrived (checked on the loop's timer).
    public var silence = StreamSilence()

    public init(messageID: MessageID, phase: RequestPhase = .connecting, updatedAt: Date) {
        self.messageID = messageID
        self.phase = phase
        self.updatedAt = updatedAt
    }

    /// A short word for the status bar.
    public var activity: String {
        switch phase {
        case .connecting: return "connecting…"
        case .queued: return "queued"
        case .thinking: return "thinking"
        case .answering: return "answering"
        case .retrying(let attempt, let until):
            // The wait the provider asked for (Retry-After) or the back-off, from when the retry was posted.
            let wait = Int(until.timeIntervalSince(updatedAt).rounded(.up))
            return wait > 0 ? "retrying in \(wait) s (\(attempt))…" : "retrying (\(attempt))…"
        // The last token came; the turn ends (and the bar says "done") once the answer is saved.
        case .finished: return "saving…"
        case .failed: return "error · Ctrl-R retry"
        case .cancelled: return "cancelled"
        }
    }
}

/// Deltas merged by the runtime since its last post: one event carries many tokens.
public struct StreamUpdate: Equatable, Sendable {
    public var messageID: MessageID
    public var reasoning = ""
    public var answer = ""
    public var reasoningChunks = 0
    public var answerChunks = 0
    /// The request's usage so far (a running total: it replaces the message's).
    public var usage: TokenUsage?
    public var timings: ResponseTimings?
    /// The request's phase, when it changed. The request's state machine owns the phase; this is
    /// the copy the screen draws from.
    public var phase: RequestPhase?
    /// When the update was posted.
    public var at: Date

    public init(messageID: MessageID, at: Date = .distantPast) {
        self.messageID = messageID
        self.at = at
    }

    /// Whether the update carries anything at all.
    public var isEmpty: Bool {
        reasoning.isEmpty && answer.isEmpty && usage == nil && timings == nil && phase == nil
    }
}
