import PonderCore

/// How one `ponder ask` stream ended.
enum AskOutcome: Equatable, Sendable {
    /// The provider ended the answer; the ending tells a budget used up while thinking apart.
    case finished(FinishReason, ResponseEnding)
    case failed(ChatError)
    /// Ctrl-C.
    case cancelled
    /// Standard output was closed by its reader (`| head`); the request was stopped.
    case outputClosed

    /// The outcome of a turn that ended so; `outputClosed` when the printer's reader went away,
    /// `answered` when the answer had text other than white space.
    init(_ end: TurnEnd, outputClosed: Bool, answered: Bool) {
        switch end.phase {
        case .finished(let reason): self = .finished(reason, ResponseEnding(finishReason: reason, hasAnswer: answered))
        case .failed(let error): self = .failed(error)
        case .cancelled, .connecting, .queued, .thinking, .answering, .retrying:
            self = outputClosed ? .outputClosed : .cancelled
        }
    }
}
