import PonderCore

/// How one `ponder ask` stream ended.
enum AskOutcome: Equatable, Sendable {
    case finished(FinishReason)
    case failed(ChatError)
    /// Ctrl-C.
    case cancelled
    /// Standard output was closed by its reader (`| head`); the request was stopped.
    case outputClosed
    /// The stream ended as `streamed` says, but the final save failed: `missing` characters that
    /// arrived are not in the stored message.
    indirect case notSaved(StoreError, missing: Int, streamed: AskOutcome)

    /// The status the assistant message is stored with.
    var messageStatus: MessageStatus {
        switch self {
        case .finished: return .complete
        case .failed(let error): return error.kind == .interrupted ? .interrupted : .failed
        case .cancelled, .outputClosed: return .cancelled
        case .notSaved(_, _, let streamed):
            return streamed.messageStatus == .complete ? .failed : streamed.messageStatus
        }
    }

    /// The line `ponder ask` prints when the answer could not be saved in full.
    static func notSavedMessage(_ error: StoreError, missing: Int) -> String {
        let place = error.file.map { " holding \($0.path)" } ?? ""
        let cause = error.kind == .diskFull ? "the disk\(place) is full" : error.message
        return "the answer was not saved in full: \(cause); \(missing) characters of it are missing from the "
            + "stored copy, which is marked \(MessageStatus.failed.rawValue). Free some space, then ask again."
    }

    /// The `status` of the JSON `done` event.
    var statusName: String { messageStatus.rawValue }
}
