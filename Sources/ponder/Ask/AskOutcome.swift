import PonderCore

/// How one `ponder ask` stream ended.
enum AskOutcome: Equatable, Sendable {
    case finished(FinishReason)
    case failed(ChatError)
    /// Ctrl-C.
    case cancelled
    /// Standard output was closed by its reader (`| head`); the request was stopped.
    case outputClosed

    /// The status the assistant message is stored with.
    var messageStatus: MessageStatus {
        switch self {
        case .finished: return .complete
        case .failed(let error): return error.kind == .interrupted ? .interrupted : .failed
        case .cancelled, .outputClosed: return .cancelled
        }
    }

    /// The `status` of the JSON `done` event.
    var statusName: String { messageStatus.rawValue }
}
