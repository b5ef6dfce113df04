import Foundation
import GRDB

extension Conversation {
    /// The columns `init(storeRow:)` reads, in a form usable after `SELECT`.
    static let storeColumns = """
        id, title, created_at, updated_at, pinned, archived, provider, model, system_prompt, \
        thinking_effort, max_output_tokens
        """

    init(storeRow row: Row) {
        self.init(
            id: ConversationID(row["id"]),
            title: row["title"],
            createdAt: StoredDate.date(row["created_at"] as Double),
            updatedAt: StoredDate.date(row["updated_at"] as Double),
            pinned: row["pinned"],
            archived: row["archived"],
            provider: row["provider"],
            model: row["model"],
            systemPrompt: row["system_prompt"],
            effort: (row["thinking_effort"] as String?).flatMap(ThinkingEffort.init(rawValue:)),
            maxOutputTokens: row["max_output_tokens"])
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
