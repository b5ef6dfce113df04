import Foundation
import GRDB

extension ConversationStore {
    /// The conversation's messages, oldest first (every branch; `parentID` links them).
    public func messages(in id: ConversationID) throws -> [Message] {
        try read { db in try Self.fetchMessages(db, id) }
    }

    public func message(_ id: MessageID) throws -> Message? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Message.storeColumns) FROM messages WHERE id = ?", arguments: [id.rawValue]
            ).map(Message.init(storeRow:))
        }
    }

    /// Inserts the message or replaces it, and moves its conversation's `updatedAt` to now.
    /// The conversation must already be saved.
    public func save(_ message: Message) throws {
        try save(message, writer: .current)
    }

    func save(_ message: Message, writer: ProcessIdentity, now: Date = Date()) throws {
        try write { db in
            do {
                try message.upsert(db, writer: writer)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw Self.unknownConversation(message.conversationID)
            }
            try db.cachedStatement(sql: "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?")
                .execute(arguments: [StoredDate.value(now), message.conversationID.rawValue])
        }
    }

    /// Remembers whether the message's reasoning is folded (nil: follow the default setting).
    public func setReasoningFolded(_ id: MessageID, _ folded: Bool?) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE messages SET reasoning_folded = ? WHERE id = ?", arguments: [folded, id.rawValue])
            if db.changesCount == 0 {
                throw StoreError(
                    kind: .invalidData, message: "There is no message \(id) in the store (was it deleted?).")
            }
        }
    }

    /// The start-up sweep: marks `streaming` messages whose writing process is gone (killed,
    /// crashed, machine restarted) as `interrupted`, keeping their partial text and making them
    /// searchable. Streams written by live processes — this one or another Ponder — are left alone.
    /// Returns how many messages were marked.
    @discardableResult
    public func markAbandonedStreamsInterrupted() throws -> Int {
        try write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT seq, writer_pid, writer_started FROM messages WHERE status = 'streaming'")
            var marked = 0
            for row in rows {
                let pid: Int64? = row["writer_pid"]
                let writer = pid.map {
                    ProcessIdentity(pid: Int32(truncatingIfNeeded: $0), startTicks: row["writer_started"])
                }
                if let writer, writer.isAlive { continue }
                try db.execute(
                    sql: """
                        UPDATE messages SET status = 'interrupted', writer_pid = NULL, writer_started = NULL,
                            error_text = coalesce(error_text, ?)
                        WHERE seq = ?
                        """,
                    arguments: [Self.abandonedStreamText, row["seq"] as Int64])
                marked += 1
            }
            return marked
        }
    }

    static let abandonedStreamText =
        "The response was cut off because Ponder stopped while it was arriving; the text received so far is kept."

    static func fetchMessages(_ db: Database, _ id: ConversationID) throws -> [Message] {
        try Row.fetchAll(
            db,
            sql: "SELECT \(Message.storeColumns) FROM messages WHERE conversation_id = ? ORDER BY created_at, seq",
            arguments: [id.rawValue]
        ).map(Message.init(storeRow:))
    }
}
