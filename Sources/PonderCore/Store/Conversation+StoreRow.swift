import Foundation
import GRDB

extension Conversation {
    /// The columns `init(storeRow:)` reads, by their place in the row: every query that decodes a
    /// conversation selects `storeColumns` first, so a row is read by position. GRDB finds a column by
    /// name by lowercasing the name and comparing it with each column's in turn, which was half the time
    /// of listing 10,000 conversations (docs/decisions.md).
    enum StoreColumn: Int, StoreColumnList {
        case id, title, createdAt, updatedAt, pinned, archived, provider, model, systemPrompt, thinkingEffort
        case maxOutputTokens

        var name: String {
            switch self {
            case .id: "id"
            case .title: "title"
            case .createdAt: "created_at"
            case .updatedAt: "updated_at"
            case .pinned: "pinned"
            case .archived: "archived"
            case .provider: "provider"
            case .model: "model"
            case .systemPrompt: "system_prompt"
            case .thinkingEffort: "thinking_effort"
            case .maxOutputTokens: "max_output_tokens"
            }
        }
    }

    /// The columns `init(storeRow:)` reads, in their order, for `SELECT` and `INSERT`.
    static let storeColumns = StoreColumn.sql

    /// A row whose first columns are `storeColumns`.
    init(storeRow row: Row) {
        typealias C = StoreColumn
        assert(C.lead(row), "a query that reads a \(Self.self) must select storeColumns first")
        self.init(
            id: ConversationID(row[C.id.rawValue]),
            title: row[C.title.rawValue],
            createdAt: StoredDate.date(row[C.createdAt.rawValue] as Double),
            updatedAt: StoredDate.date(row[C.updatedAt.rawValue] as Double),
            pinned: row[C.pinned.rawValue],
            archived: row[C.archived.rawValue],
            provider: row[C.provider.rawValue],
            model: row[C.model.rawValue],
            systemPrompt: row[C.systemPrompt.rawValue],
            effort: (row[C.thinkingEffort.rawValue] as String?).flatMap(ThinkingEffort.init(rawValue:)),
            maxOutputTokens: row[C.maxOutputTokens.rawValue])
    }

    /// Inserts the conversation or replaces every field of the stored one (its messages stay).
    func upsert(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO conversations (\(Self.storeColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET
                    title = excluded.title, created_at = excluded.created_at, updated_at = excluded.updated_at,
                    pinned = excluded.pinned, archived = excluded.archived, provider = excluded.provider,
                    model = excluded.model, system_prompt = excluded.system_prompt,
                    thinking_effort = excluded.thinking_effort, max_output_tokens = excluded.max_output_tokens
                """
        ).execute(arguments: [
            id.rawValue, title, StoredDate.value(createdAt), StoredDate.value(updatedAt), pinned, archived,
            provider, model, systemPrompt, effort?.rawValue, maxOutputTokens,
        ])
    }
}
