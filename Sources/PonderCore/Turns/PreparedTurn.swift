/// A turn ready to stream: its conversation, the question (when it asks a new one), the answer row
/// being filled and the history sent with it.
public struct PreparedTurn: Equatable, Sendable {
    /// The conversation, with `updatedAt` moved to the start of the turn.
    public var conversation: Conversation
    /// True when the turn started this conversation.
    public var isNewConversation: Bool
    /// The new question; nil when regenerating or continuing an answer.
    public var question: Message?
    /// The assistant message being filled: empty, or the partial answer being continued.
    public var answer: Message
    /// The branch from the first message down to the question, oldest first.
    public var history: [Message]
    /// The partial answer when continuing it.
    public var continuation: Message?
    /// Whether the question and the answer row are in the store (false for `ask --no-save`).
    public var isSaved: Bool

    public init(
        conversation: Conversation, isNewConversation: Bool, question: Message?, answer: Message,
        history: [Message], continuation: Message? = nil, isSaved: Bool
    ) {
        self.conversation = conversation
        self.isNewConversation = isNewConversation
        self.question = question
        self.answer = answer
        self.history = history
        self.continuation = continuation
        self.isSaved = isSaved
    }

    /// The provider request for this turn: the provider's settings with the conversation's own
    /// controls (model, thinking effort, answer budget) on top, and its system prompt.
    public func request(settings: ProviderSettings) -> ChatRequest {
        ChatRequest(
            settings: settings.applying(conversation.controls), systemPrompt: conversation.systemPrompt,
            history: history, continuation: continuation)
    }
}
