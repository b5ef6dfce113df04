/// Everything a deleted conversation held, so that `ConversationStore.restore(_:)` can undo the
/// deletion exactly (same ids, same order, same branches).
public struct DeletedConversation: Equatable, Hashable, Sendable {
    public var conversation: Conversation
    /// Oldest first.
    public var messages: [Message]

    public init(conversation: Conversation, messages: [Message]) {
        self.conversation = conversation
        self.messages = messages
    }
}
