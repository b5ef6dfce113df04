/// What a turn asks for.
public enum TurnPlan: Equatable, Sendable {
    /// A new question in a conversation (a new conversation when nil), after message `after`, or
    /// after the newest message when `after` is nil.
    case ask(String, conversation: ConversationID?, after: MessageID?)
    /// A new version of an earlier question: a sibling of it, asked with the history before it. The
    /// earlier version stays, with its answers.
    case resend(String, replacing: MessageID)
    /// Another answer to the question of this assistant message, as a new sibling of it.
    case regenerate(MessageID)
    /// The rest of this stopped answer, appended to the same message.
    case continueAnswer(MessageID)
}
