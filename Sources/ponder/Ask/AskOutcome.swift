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

    /// The status the assistant message is stored with.
    var messageStatus: MessageStatus {
        switch self {
        case .finished: return .complete
        case .failed(let error): return error.kind == .interrupted ? .interrupted : .failed
        case .cancelled, .outputClosed: return .cancelled
        }
    }

    /// Why the provider ended the answer, when it did.
    var finishReason: FinishReason? {
        if case .finished(let reason, _) = self { return reason }
        return nil
    }

    /// The `status` of the JSON `done` event.
    var statusName: String { messageStatus.rawValue }
}
