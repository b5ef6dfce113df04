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
    /// The stream ended as `streamed` says, but the final save failed: `missing` characters that
    /// arrived are not in the stored message.
    indirect case notSaved(StoreError, missing: Int, streamed: AskOutcome)

    /// The outcome of a turn that ended so; `outputClosed` when the printer's reader went away,
    /// `answered` when the answer had text other than white space.
    init(_ end: TurnEnd, outputClosed: Bool, answered: Bool) {
        let streamed: AskOutcome
        switch end.phase {
        case .finished(let reason):
            streamed = .finished(reason, ResponseEnding(finishReason: reason, hasAnswer: answered))
        case .failed(let error): streamed = .failed(error)
        case .cancelled, .connecting, .queued, .thinking, .answering, .retrying:
            streamed = outputClosed ? .outputClosed : .cancelled
        }
        if let failure = end.saveFailure {
            self = .notSaved(failure, missing: end.unsavedCharacters, streamed: streamed)
        } else {
            self = streamed
        }
    }

    /// The line `ponder ask` prints when the answer could not be saved in full.
    static func notSavedMessage(_ error: StoreError, missing: Int) -> String {
        let place = error.file.map { " holding \($0.path)" } ?? ""
        let cause = error.kind == .diskFull ? "the disk\(place) is full" : error.message
        return "the answer was not saved in full: \(cause); \(missing) characters of it are missing from the "
            + "stored copy, which is marked \(MessageStatus.failed.rawValue). Free some space, then ask again."
    }
}
