import Foundation

/// What a running chat request reports to its consumer (the UI, `ponder ask`, the store writer).
/// The last event of every stream is `.phase` with a terminal phase.
public enum ChatStreamEvent: Equatable, Sendable {
    case phase(RequestPhase)
    case reasoning(String)
    case answer(String)
    case usage(TokenUsage)
    /// Timings so far; sent whenever one of them is first set.
    case timings(ResponseTimings)
}
