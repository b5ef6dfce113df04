import Foundation
import GRDB

extension ConversationStore {
    /// Finds titles, answers and reasoning containing every term of `query`, best first. Terms of
    /// three or more characters use the trigram index: when it has few matches they are ranked by
    /// bm25; when it has many (a word in most messages), the newest `candidateWindow` matches are
    /// ranked by term frequency, then the next older window, so the cost does not grow with the
    /// database. Shorter terms — e.g. the two-character Chinese word 并发 — are used to filter
    /// indexed hits; a query of short terms only is matched by scanning all titles and the newest
    /// `shortQueryMessageWindow` messages, newest first (see `searchesRecentMessagesOnly`).
    /// Snippets are cut only for the hits returned. Messages still streaming are not searchable
    /// until they finish or are marked interrupted.
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

    /// How many of the newest messages a query of short terms only (1–2 characters each, which
    /// the trigram index cannot answer) scans; titles are always scanned whole. Bounds the cost of
    /// a term that occurs nowhere: scanning every message of a 10,000-conversation store takes
    /// hundreds of milliseconds, this window a few tens at most.
    public static let shortQueryMessageWindow = 2_000

    /// Whether `query` consists of short terms only, so that only titles and the newest
    /// `shortQueryMessageWindow` messages are searched (a third character searches everything).
    public static func searchesRecentMessagesOnly(_ query: String) -> Bool {
        let parsed = SearchQuery(query)
        return !parsed.terms.isEmpty && parsed.indexedTerms.isEmpty
    }

    /// How many index matches a query may have and still be ranked by bm25 over all of them; also
    /// the size of each window of newest matches ranked by term frequency beyond that.
    static let candidateWindow = 200

    private static func indexedSearch(
        _ db: Database, _ query: SearchQuery, limit: Int, includeArchived: Bool
    ) throws -> [SearchHit] {
        // Collecting the newest matches by row id is cheap (no ranking); it tells whether the
        // query is selective enough for bm25.
        let newest = try newestMatches(db, query, before: nil)
        if newest.count > candidateWindow {
            return try windowedSearch(
                db, query, firstWindow: Array(newest.prefix(candidateWindow)), limit: limit,
                includeArchived: includeArchived)
        }
        return try bm25Search(db, query, limit: limit, includeArchived: includeArchived)
    }

    /// Up to `candidateWindow + 1` matching index row ids below `before`, highest first.
    private static func newestMatches(_ db: Database, _ query: SearchQuery, before: Int64?) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid < ?
                ORDER BY rowid DESC LIMIT ?
                """,
            arguments: [query.matchExpression, before ?? Int64.max, candidateWindow + 1])
    }

    /// Ranks windows of matches, newest window first, by `TermFrequencyScore`, until `limit`
    /// hits are found or the matches run out.
    private static func windowedSearch(
        _ db: Database, _ query: SearchQuery, firstWindow: [Int64], limit: Int, includeArchived: Bool
    ) throws -> [SearchHit] {
        let needles = TermFrequencyScore.needles(for: query.terms)
        var hits: [SearchHit] = []
        var window = firstWindow
        while !window.isEmpty {
            var texts: [IndexedText] = []
            var lowercased: [[UInt8]] = []
            for rowid in window {
                guard let field = SearchHit.Field(indexCode: rowid & 3),
                    let text = try IndexedText.fetch(db, seq: rowid >> 2, field: field),
                    includeArchived || !text.archived
                else { continue }
                texts.append(text)
                lowercased.append(Array(text.body.lowercased().utf8))
            }
            let totalLength = lowercased.reduce(0) { $0 + $1.count }
            let averageLength = Double(totalLength) / Double(max(texts.count, 1))
            var ranked: [(IndexedText, Double)] = []
            for (text, bytes) in zip(texts, lowercased) {
                if let score = TermFrequencyScore.score(
                    lowercasedText: bytes, needles: needles, averageLength: averageLength)
                {
                    ranked.append((text, score))
                }
            }
            ranked.sort { $0.1 > $1.1 }
            for (text, score) in ranked {
                guard let hit = text.hit(for: query, rank: score) else { continue }
                hits.append(hit)
                if hits.count >= limit { return hits }
            }
            guard window.count == candidateWindow, let oldest = window.last else { break }
            window = Array(try newestMatches(db, query, before: oldest).prefix(candidateWindow))
        }
        return hits
    }

    private static func bm25Search(
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
        let newestSeq = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM messages") ?? 0
        let oldestScanned = newestSeq - Int64(shortQueryMessageWindow)
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
                    WHERE m.seq > ? AND m.status != 'streaming' AND (c.archived = 0 OR ?) AND \(conditions)
                    ORDER BY m.seq DESC LIMIT ?
                    """
            }
            var arguments: [(any DatabaseValueConvertible)?] = field == .title ? [] : [oldestScanned]
            arguments.append(includeArchived)
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
        guard let text = try IndexedText.fetch(db, seq: seq, field: field), includeArchived || !text.archived else {
            return nil
        }
        return text.hit(for: query, rank: rank)
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
