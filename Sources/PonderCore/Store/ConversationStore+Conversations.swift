import Foundation
import GRDB

extension ConversationStore {
    /// Inserts the conversation or replaces its header; its messages are not touched.
    public func save(_ conversation: Conversation) throws {
        try write { db in try conversation.upsert(db) }
    }

    public func conversation(_ id: ConversationID) throws -> Conversation? {
        try read { db in try Self.fetchConversation(db, id) }
    }

    /// Pinned conversations first, then the most recently updated; archived ones only on request.
    public func listConversations(
        includeArchived: Bool = false, limit: Int = 100, offset: Int = 0
    ) throws -> [ConversationSummary] {
        try read { db in
            // A cursor's row reads the statement's current values in place; `fetchAll` would copy each
            // row into an array of values first.
            let rows = try Row.fetchCursor(
                db, sql: Self.listingSQL(includeArchived: includeArchived),
                arguments: [max(0, limit), max(0, offset)])
            let messageCount = Conversation.StoreColumn.allCases.count
            var summaries: [ConversationSummary] = []
            while let row = try rows.next() {
                summaries.append(
                    ConversationSummary(conversation: Conversation(storeRow: row), messageCount: row[messageCount]))
            }
            return summaries
        }
    }

    /// Two statements rather than one with `archived = 0 OR ?`, so that each reads its index in
    /// list order and stops after `LIMIT` rows. The message count follows the conversation's columns.
    /// Arguments: limit, offset.
    static func listingSQL(includeArchived: Bool) -> String {
        """
        SELECT \(Conversation.storeColumns), message_count FROM conversations \(includeArchived ? "" : "WHERE archived = 0")
        ORDER BY pinned DESC, updated_at DESC, seq DESC LIMIT ? OFFSET ?
        """
    }

    public func rename(_ id: ConversationID, to title: String) throws {
        try updateConversation(id, sql: "UPDATE conversations SET title = ? WHERE id = ?", value: title)
    }

    public func setPinned(_ id: ConversationID, _ pinned: Bool) throws {
        try updateConversation(id, sql: "UPDATE conversations SET pinned = ? WHERE id = ?", value: pinned)
    }

    public func setArchived(_ id: ConversationID, _ archived: Bool) throws {
        try updateConversation(id, sql: "UPDATE conversations SET archived = ? WHERE id = ?", value: archived)
    }

    /// Deletes the conversation and its messages, returning everything needed to undo it.
    @discardableResult
    public func delete(_ id: ConversationID) throws -> DeletedConversation {
        try write { db in
            guard let conversation = try Self.fetchConversation(db, id) else { throw Self.unknownConversation(id) }
            let messages = try Self.fetchMessages(db, id)
            try db.execute(sql: "DELETE FROM conversations WHERE id = ?", arguments: [id.rawValue])
            return DeletedConversation(conversation: conversation, messages: messages)
        }
    }

    /// Puts a deleted conversation back exactly as it was.
    public func restore(_ deleted: DeletedConversation) throws {
        try write { db in
            try deleted.conversation.upsert(db)
            for message in deleted.messages { try message.upsert(db, writer: .current) }
        }
    }

    /// Saves many conversations and messages in one transaction with prepared statements (imports,
    /// benchmarks). Conversations are written first; `updatedAt` is kept as given.
    public func saveAll(conversations: [Conversation], messages: [Message]) throws {
        try write { db in
            for conversation in conversations { try conversation.upsert(db) }
            for message in messages { try message.upsert(db, writer: .current) }
        }
    }

    private func updateConversation(_ id: ConversationID, sql: String, value: some DatabaseValueConvertible) throws {
        try write { db in
            try db.execute(sql: sql, arguments: [value, id.rawValue])
            if db.changesCount == 0 { throw Self.unknownConversation(id) }
        }
    }

    static func unknownConversation(_ id: ConversationID) -> StoreError {
        StoreError(kind: .invalidData, message: "There is no conversation \(id) in the store (was it deleted?).")
    }

    static func fetchConversation(_ db: Database, _ id: ConversationID) throws -> Conversation? {
        try Row.fetchOne(
            db, sql: "SELECT \(Conversation.storeColumns) FROM conversations WHERE id = ?", arguments: [id.rawValue]
        ).map(Conversation.init(storeRow:))
    }
}
