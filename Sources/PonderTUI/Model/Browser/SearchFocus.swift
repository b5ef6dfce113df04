import PonderCore

/// Where to take the reader when a conversation is opened from a search hit: the message, the
/// text that matched (answer or reasoning), the character offset of the match and the query.
public struct SearchFocus: Equatable, Hashable, Sendable {
    /// Which text of the message the hit is in.
    public enum Field: String, Equatable, Hashable, Sendable {
        case answer
        case reasoning
    }

    public var messageID: MessageID
    public var field: Field
    /// Where the match starts in the field's text, in Characters.
    public var characterOffset: Int
    public var query: String

    public init(messageID: MessageID, field: Field, characterOffset: Int, query: String) {
        self.messageID = messageID
        self.field = field
        self.characterOffset = characterOffset
        self.query = query
    }

    /// The focus for a search hit; nil for a title hit (the conversation opens at its end).
    public init?(hit: SearchHit, query: String) {
        guard let messageID = hit.messageID else { return nil }
        switch hit.field {
        case .title: return nil
        case .answer:
            self.init(messageID: messageID, field: .answer, characterOffset: hit.characterOffset, query: query)
        case .reasoning:
            self.init(messageID: messageID, field: .reasoning, characterOffset: hit.characterOffset, query: query)
        }
    }
}
