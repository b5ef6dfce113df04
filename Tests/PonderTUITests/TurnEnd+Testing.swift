import PonderCore

extension TurnEnd {
    /// The end of the turn that filled `answer`, with the request phase that gives `status`.
    static func ending(_ answer: Message, _ status: MessageStatus, errorText: String? = nil) -> TurnEnd {
        let phase: RequestPhase
        switch status {
        case .complete: phase = .finished(.stop)
        case .cancelled, .streaming: phase = .cancelled
        case .interrupted: phase = .failed(ChatError(kind: .interrupted, message: errorText ?? "cut off"))
        case .failed: phase = .failed(ChatError(kind: .server, message: errorText ?? "server error"))
        }
        return TurnEnd(
            conversationID: answer.conversationID, answerID: answer.id, status: status, errorText: errorText,
            phase: phase)
    }
}
