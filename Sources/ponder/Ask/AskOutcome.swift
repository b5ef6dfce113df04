import PonderCore

/// How one `ponder ask` stream ended.
enum AskOutcome: Equatable, Sendable {
    case finished(FinishReason)
    case failed(ChatError)
    /// Ctrl-C.
    case cancelled
    /// Standard output was closed by its reader (`| head`); the request was stopped.
    case outputClosed

    /// The outcome of a turn that ended so; `outputClosed` when the printer's reader went away.
    init(_ end: TurnEnd, outputClosed: Bool) {
        switch end.phase {
        case .finished(let reason): self = .finished(reason)
        case .failed(let error): self = .failed(error)
        case .cancelled, .connecting, .queued, .thinking, .answering, .retrying:
            self = outputClosed ? .outputClosed : .cancelled
        }
    }
}
