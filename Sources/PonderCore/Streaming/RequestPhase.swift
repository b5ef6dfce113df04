import Foundation

/// Where one chat request is, as the UI shows it.
public enum RequestPhase: Equatable, Sendable {
    /// Resolving, connecting, sending.
    case connecting
    /// Connected; only keep-alives (or nothing) so far: the provider has queued the request.
    case queued
    /// Reasoning tokens are arriving.
    case thinking
    /// Answer tokens are arriving.
    case answering
    /// Waiting before retry number `attempt` (429/5xx before the first token); `until` is when.
    case retrying(attempt: Int, until: Date)
    case finished(FinishReason)
    case failed(ChatError)
    case cancelled

    public var isTerminal: Bool {
        switch self {
        case .finished, .failed, .cancelled: return true
        case .connecting, .queued, .thinking, .answering, .retrying: return false
        }
    }
}
