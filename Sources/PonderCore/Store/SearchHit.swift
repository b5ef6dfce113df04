/// One place where a search query matched: a conversation title, or a message's answer or
/// reasoning, with a short highlighted excerpt and where in the text the match starts.
public struct SearchHit: Equatable, Hashable, Sendable {
    /// Which text matched.
    public enum Field: String, Equatable, Hashable, Sendable, CaseIterable {
        case title
        /// A message's visible text: the answer, or the prompt of a user message.
        case answer
        /// A message's chain of thought.
        case reasoning
    }

    public var conversationID: ConversationID
    /// The message that matched; nil for a title hit.
    public var messageID: MessageID?
    public var conversationTitle: String
    public var field: Field
    public var snippet: SearchSnippet
    /// Where the first match starts in the field's full text, in Characters (grapheme clusters).
    public var characterOffset: Int
    /// Relevance within one result list, higher is better: the negated FTS5 bm25 score when an
    /// indexed query has few matches, a term-frequency score when it has many.
    public var rank: Double

    public init(
        conversationID: ConversationID, messageID: MessageID?, conversationTitle: String, field: Field,
        snippet: SearchSnippet, characterOffset: Int, rank: Double
    ) {
        self.conversationID = conversationID
        self.messageID = messageID
        self.conversationTitle = conversationTitle
        self.field = field
        self.snippet = snippet
        self.characterOffset = characterOffset
        self.rank = rank
    }
}
