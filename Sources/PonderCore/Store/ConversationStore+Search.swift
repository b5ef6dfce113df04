import Foundation
import GRDB

extension ConversationStore {
    /// Finds titles, answers and reasoning containing every term of `query`, best first. Terms of
    /// three or more characters use the trigram index (ranked by bm25); shorter ones — e.g. the
    /// two-character Chinese word 并发 — are matched by scanning, newest first, or used to filter
    /// indexed hits. Messages still streaming are not searchable until they finish or are
    /// marked interrupted.
    public func search(_ query: String, limit: Int = 50, includeArchived: Bool = false) throws -> [SearchHit] {
        let parsed = SearchQuery(query)
        guard !parsed.terms.isEmpty, limit > 0 else { return [] }
        return try read { db in
            if parsed.indexedTerms.isEmpty {
                return try Self.scanningSearch(db, parsed, limit: limit, includeArchived: includeArchived)
            }
            return try Self.indexedSearch(db, parsed, limit: limit, includeArchived: includeArchived)
        }
    }

    private static func indexedSearch(
        _ db: Database, _ query: SearchQuery, limit: Int, includeArchived: Bool
    ) throws -> [SearchHit] {
        // Fetch ranked candidates in pages: most queries are satisfied by the first page, and a term
        // present in every message does not drag its whole match list into memory.
        let pageSize = max(64, limit * 2)
        var hits: [SearchHit] = []
        var offset = 0
        while hits.count < limit {
            let matches = try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, rank FROM search_index
                    WHERE search_index MATCH ? ORDER BY rank LIMIT ? OFFSET ?
                    """,
                arguments: [query.matchExpression, pageSize, offset])
            for match in matches {
                let rowid: Int64 = match["rowid"]
                guard let field = SearchHit.Field(indexCode: rowid & 3) else { continue }
                let score: Double = match["rank"]
                if let hit = try makeHit(
                    db, seq: rowid >> 2, field: field, query: query, rank: -score, includeArchived: includeArchived)
                {
                    hits.append(hit)
                    if hits.count >= limit { break }
                }
            }
            if matches.count < pageSize { break }
            offset += pageSize
        }
        return hits
    }

    private static func scanningSearch(
        _ db: Database, _ query: SearchQuery, limit: Int, includeArchived: Bool
    ) throws -> [SearchHit] {
        let patterns = query.terms.map(SearchQuery.likePattern)
        var hits: [SearchHit] = []
        for (field, rank) in [(SearchHit.Field.title, 3.0), (.answer, 2.0), (.reasoning, 1.0)] {
            let remaining = limit - hits.count
            guard remaining > 0 else { break }
            let sql: String
            switch field {
            case .title:
                let conditions = patterns.map { _ in "title LIKE ? ESCAPE '\\'" }.joined(separator: " AND ")
                sql = """
                    SELECT seq FROM conversations WHERE (archived = 0 OR ?) AND \(conditions)
                    ORDER BY updated_at DESC LIMIT ?
                    """
            case .answer, .reasoning:
                let column = field.rawValue
                let conditions = patterns.map { _ in "m.\(column) LIKE ? ESCAPE '\\'" }.joined(separator: " AND ")
                sql = """
                    SELECT m.seq FROM messages m JOIN conversations c ON c.id = m.conversation_id
                    WHERE m.status != 'streaming' AND (c.archived = 0 OR ?) AND \(conditions)
                    ORDER BY m.seq DESC LIMIT ?
                    """
            }
            var arguments: [(any DatabaseValueConvertible)?] = [includeArchived]
            arguments += patterns.map { $0 as (any DatabaseValueConvertible)? }
            arguments.append(remaining)
            for seq in try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
                if let hit = try makeHit(
                    db, seq: seq, field: field, query: query, rank: rank, includeArchived: includeArchived)
                {
                    hits.append(hit)
                }
            }
        }
        return hits
    }

    /// Loads the matched text, checks every term really occurs in it, and locates the first match.
    private static func makeHit(
        _ db: Database, seq: Int64, field: SearchHit.Field, query: SearchQuery, rank: Double, includeArchived: Bool
    ) throws -> SearchHit? {
        let row: Row?
        switch field {
        case .title:
            row = try Row.fetchOne(
                db,
                sql: """
                    SELECT NULL AS message_id, title AS body, id AS conversation_id, title, archived
                    FROM conversations WHERE seq = ?
                    """,
                arguments: [seq])
        case .answer, .reasoning:
            row = try Row.fetchOne(
                db,
                sql: """
                    SELECT m.id AS message_id, m.\(field.rawValue) AS body, m.conversation_id, c.title, c.archived
                    FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.seq = ?
                    """,
                arguments: [seq])
        }
        guard let row, includeArchived || !(row["archived"] as Bool) else { return nil }
        let body: String = row["body"]
        var firstMatch: Range<String.Index>?
        for term in query.terms {
            guard let found = body.range(of: term, options: .caseInsensitive) else {
                // The index matched but the text does not contain the term as typed (e.g. a short
                // term absent): not a hit for this field.
                return nil
            }
            if firstMatch == nil || found.lowerBound < firstMatch!.lowerBound { firstMatch = found }
        }
        let offset = firstMatch.map { body.distance(from: body.startIndex, to: $0.lowerBound) } ?? 0
        return SearchHit(
            conversationID: ConversationID(row["conversation_id"]),
            messageID: (row["message_id"] as String?).map(MessageID.init),
            conversationTitle: row["title"],
            field: field,
            snippet: SearchSnippet(text: body, around: firstMatch, terms: query.terms),
            characterOffset: offset,
            rank: rank)
    }
}

extension SearchHit.Field {
    /// The field encoded in the low two bits of a `search_index` row id.
    init?(indexCode: Int64) {
        switch indexCode {
        case 0: self = .title
        case 1: self = .answer
        case 2: self = .reasoning
        default: return nil
        }
    }
}
