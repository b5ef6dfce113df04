/// How a turn ended: the answer's final status and error text, as stored, and the phase the
/// request ended in. The answer's text, usage and timings arrived as stream events before.
public struct TurnEnd: Equatable, Sendable {
    public var conversationID: ConversationID
    public var answerID: MessageID
    public var status: MessageStatus
    /// Why the answer failed or stopped early, in words for the user (sanitised); nil when complete.
    public var errorText: String?
    /// `.finished`, `.failed` or `.cancelled`.
    public var phase: RequestPhase
    /// Why the answer's final write failed (a full disk); nil when it is stored in full.
    public var saveFailure: StoreError?
    /// Characters that arrived but are missing from the stored answer (with `saveFailure`).
    public var unsavedCharacters: Int

    public init(
        conversationID: ConversationID, answerID: MessageID, status: MessageStatus, errorText: String?,
        phase: RequestPhase, saveFailure: StoreError? = nil, unsavedCharacters: Int = 0
    ) {
        self.conversationID = conversationID
        self.answerID = answerID
        self.status = status
        self.errorText = errorText
        self.phase = phase
        self.saveFailure = saveFailure
        self.unsavedCharacters = unsavedCharacters
    }

    /// The failure, when the request failed.
    public var failure: ChatError? {
        if case .failed(let error) = phase { return error }
        return nil
    }
}
