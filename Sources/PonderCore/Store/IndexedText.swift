import Foundation
import GRDB

/// One searchable text — a conversation title, or a message's answer or reasoning — loaded with
/// what a search hit shows about it.
struct IndexedText {
    var field: SearchHit.Field
    var body: String
    var conversationID: ConversationID
    var messageID: MessageID?
    var conversationTitle: String
    var archived: Bool

    /// The text behind a `search_index` entry: `seq` is the conversation's for a title, the
    /// message's otherwise. Nil if the row no longer exists.
    static func fetch(_ db: Database, seq: Int64, field: SearchHit.Field) throws -> IndexedText? {
        let row: Row?
        switch field {
        case .title:
            row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT NULL AS message_id, title AS body, id AS conversation_id, title, archived
                        FROM conversations WHERE seq = ?
                        """),
                arguments: [seq])
        case .answer, .reasoning:
            row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT m.id AS message_id, m.\(field.rawValue) AS body, m.conversation_id, c.title, c.archived
                        FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.seq = ?
                        """),
                arguments: [seq])
        }
        guard let row else { return nil }
        return IndexedText(
            field: field, body: row["body"], conversationID: ConversationID(row["conversation_id"]),
            messageID: (row["message_id"] as String?).map(MessageID.init), conversationTitle: row["title"],
            archived: row["archived"])
    }

    /// A hit with a snippet around the first match, or nil when the text does not contain every
    /// term as typed (the index matched on trigrams, or a short term is absent).
    func hit(for query: SearchQuery, rank: Double) -> SearchHit? {
        var firstMatch: Range<String.Index>?
        for term in query.terms {
            guard let found = body.range(of: term, options: .caseInsensitive) else { return nil }
            if firstMatch == nil || found.lowerBound < firstMatch!.lowerBound { firstMatch = found }
        }
        let offset = firstMatch.map { body.distance(from: body.startIndex, to: $0.lowerBound) } ?? 0
        return SearchHit(
            conversationID: conversationID, messageID: messageID, conversationTitle: conversationTitle, field: field,
            snippet: SearchSnippet(text: body, around: firstMatch, terms: query.terms), characterOffset: offset,
            rank: rank)
    }
}
