/// A conversation as the history list shows it: the header plus how many messages it holds.
public struct ConversationSummary: Equatable, Hashable, Sendable, Identifiable {
    public var conversation: Conversation
    public var messageCount: Int

    public init(conversation: Conversation, messageCount: Int) {
        self.conversation = conversation
        self.messageCount = messageCount
    }

    public var id: ConversationID { conversation.id }
}
