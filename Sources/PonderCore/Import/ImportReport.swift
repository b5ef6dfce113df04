/// What an import did (or, for a dry run, would do).
public struct ImportReport: Equatable, Sendable {
    /// Conversations that were not in the store.
    public var newConversations = 0
    /// Conversations already in the store that gained messages (continued in the other client since).
    public var grownConversations = 0
    /// Conversations already in the store with nothing new.
    public var alreadyHere = 0
    /// Messages added, in new and grown conversations.
    public var newMessages = 0
    /// Added messages that carry reasoning.
    public var newReasoning = 0
    /// The new and grown conversations, in the order of the file (empty for a dry run).
    public var conversationIDs: [ConversationID] = []

    public init() {}
}
