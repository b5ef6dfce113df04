import Foundation
import GRDB

extension ConversationStore {
    /// The conversation's messages, oldest first (every branch; `parentID` links them).
    public func messages(in id: ConversationID) throws -> [Message] {
        try read { db in try Self.fetchMessages(db, id) }
    }

    /// The newest user prompts of all conversations, newest first, each once — recalled in the
    /// editor with Up. Walks messages backwards by insertion order, so it stops early.
    public func recentPrompts(limit: Int = 200) throws -> [String] {
        try read { db in
            var seen = Set<String>()
            var prompts: [String] = []
            let rows = try String.fetchCursor(
                db, sql: "SELECT answer FROM messages WHERE role = 'user' ORDER BY seq DESC")
            while prompts.count < limit, let prompt = try rows.next() {
                if !prompt.isEmpty && seen.insert(prompt).inserted { prompts.append(prompt) }
            }
            return prompts
        }
    }

    public func message(_ id: MessageID) throws -> Message? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Message.storeColumns) FROM messages WHERE id = ?", arguments: [id.rawValue]
            ).map { try Self.withPendingDeltas(db, Message(storeRow: $0)) }
        }
    }

    /// Inserts the message or replaces it, and moves its conversation's `updatedAt` to now.
    /// The conversation must already be saved.
    public func save(_ message: Message) throws {
        try save(message, writer: .current)
    }

    /// `keepingFold`: an existing row keeps its fold state (see `Message.upsert`).
    func save(_ message: Message, writer: ProcessIdentity, keepingFold: Bool = false, now: Date = Date()) throws {
        try write { db in
            do {
                try message.upsert(db, writer: writer, keepingFold: keepingFold)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw Self.unknownConversation(message.conversationID)
            }
            try db.cachedStatement(sql: "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?")
                .execute(arguments: [StoredDate.value(now), message.conversationID.rawValue])
        }
    }

    /// Saves one turn in a single transaction: `conversation` first when given (a new one), then the
    /// messages (a `streaming` one is recorded as written by this process), and moves the
    /// conversation's `updatedAt` to now. One commit instead of one per row, so that a question and
    /// its empty answer row are stored before the request goes out without delaying it. A message
    /// already stored (an answer being continued) keeps its fold state.
    public func saveTurn(conversation: Conversation?, messages: [Message], now: Date = Date()) throws {
        try write { db in
            if let conversation { try conversation.upsert(db) }
            for message in messages {
                do {
                    try message.upsert(db, writer: .current, keepingFold: true)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                    throw Self.unknownConversation(message.conversationID)
                }
            }
            for id in Set(messages.map(\.conversationID)) {
                try db.cachedStatement(sql: "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?")
                    .execute(arguments: [StoredDate.value(now), id.rawValue])
            }
        }
    }

    /// Appends text to a message that is still streaming without rewriting what it already holds
    /// (a flush costs the size of the new text, not of the whole trace). When `header` is given,
    /// its usage, timings and other small fields are written too (never the fold state). The next
    /// full `save` of the message folds the deltas in.
    func appendStreamingDeltas(to id: MessageID, reasoning: String, answer: String, header: Message?) throws {
        try write { db in
            let insert = try db.cachedStatement(
                sql: "INSERT INTO message_deltas (message_id, field, text) VALUES (?, ?, ?)")
            if !reasoning.isEmpty { try insert.execute(arguments: [id.rawValue, "reasoning", reasoning]) }
            if !answer.isEmpty { try insert.execute(arguments: [id.rawValue, "answer", answer]) }
            guard let header else { return }
            let values: [(any DatabaseValueConvertible)?] = [
                header.errorText.map { SecretRedactor.redact($0) }, header.provider, header.model,
                header.usage.promptTokens,
                header.usage.completionTokens, header.usage.reasoningTokens, header.usage.cacheHitTokens,
                header.usage.cacheMissTokens, header.usage.counted, StoredDate.optionalValue(header.timings.sent),
                StoredDate.optionalValue(header.timings.firstByte),
                StoredDate.optionalValue(header.timings.firstReasoning),
                StoredDate.optionalValue(header.timings.firstAnswer),
                StoredDate.optionalValue(header.timings.finished), id.rawValue,
            ]
            try db.cachedStatement(
                sql: """
                    UPDATE messages SET error_text = ?, provider = ?, model = ?, prompt_tokens = ?,
                        completion_tokens = ?, reasoning_tokens = ?, cache_hit_tokens = ?, cache_miss_tokens = ?,
                        usage_counted = ?, sent_at = ?, first_byte_at = ?, first_reasoning_at = ?, first_answer_at = ?, finished_at = ?
                    WHERE id = ?
                    """
            ).execute(arguments: StatementArguments(values))
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
    /// Text a full disk kept from being folded into its finished message is folded in too.
    /// Returns how many messages were marked.
    @discardableResult
    public func markAbandonedStreamsInterrupted() throws -> Int {
        try write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Message.storeColumns), writer_pid, writer_started FROM messages
                    WHERE status = 'streaming'
                    """)
            var marked = 0
            for row in rows {
                let pid: Int64? = row["writer_pid"]
                let writer = pid.map {
                    ProcessIdentity(pid: Int32(truncatingIfNeeded: $0), startTicks: row["writer_started"])
                }
                if let writer, writer.isAlive { continue }
                var message = try Self.withPendingDeltas(db, Message(storeRow: row))
                message.status = .interrupted
                message.errorText = message.errorText ?? Self.abandonedStreamText
                try message.upsert(db, writer: nil)
                marked += 1
            }
            let unfolded = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Message.storeColumns) FROM messages
                    WHERE status != 'streaming' AND id IN (SELECT message_id FROM message_deltas)
                    """)
            for row in unfolded {
                try Self.withPendingDeltas(db, Message(storeRow: row)).upsert(db, writer: nil)
            }
            return marked
        }
    }

    /// Marks a streamed message whose final write failed (the disk is full) with the smallest write
    /// that can still succeed — its status and error text — so that it does not stay `streaming`;
    /// the space kept in reserve is given up for it. The text already saved as deltas stays with it;
    /// the next start-up sweep folds it in.
    public func markUnsaved(_ id: MessageID, status: MessageStatus, errorText: String) throws {
        releaseReserve()
        try write { db in
            try db.execute(
                sql: """
                    UPDATE messages SET status = ?, error_text = ?, writer_pid = NULL, writer_started = NULL
                    WHERE id = ?
                    """,
                arguments: [status.rawValue, SecretRedactor.redact(errorText), id.rawValue])
        }
    }

    static let abandonedStreamText =
        "The response was cut off because Ponder stopped while it was arriving; the text received so far is kept."

    static func fetchMessages(_ db: Database, _ id: ConversationID) throws -> [Message] {
        // Read in place from a cursor, as the conversation list is, rather than copied row by row first.
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT \(Message.storeColumns) FROM messages WHERE conversation_id = ? ORDER BY created_at, seq",
            arguments: [id.rawValue])
        var messages: [Message] = []
        while let row = try rows.next() { messages.append(Message(storeRow: row)) }
        // Every not yet folded-in delta of the conversation in one query (usually none).
        let deltas = try Row.fetchAll(
            db,
            sql: """
                SELECT message_id, field, text FROM message_deltas
                WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = ?) ORDER BY seq
                """,
            arguments: [id.rawValue])
        guard !deltas.isEmpty else { return messages }
        let positions = Dictionary(messages.indices.map { (messages[$0].id.rawValue, $0) }) { first, _ in first }
        for row in deltas {
            guard let position = positions[row["message_id"] as String] else { continue }
            let text: String = row["text"]
            if row["field"] as String == "reasoning" {
                messages[position].reasoning += text
            } else {
                messages[position].answer += text
            }
        }
        return messages
    }

    /// A message with the text of its not yet folded-in deltas appended: a streaming one, or one
    /// whose final write failed.
    static func withPendingDeltas(_ db: Database, _ message: Message) throws -> Message {
        var merged = message
        let rows = try Row.fetchAll(
            db, sql: "SELECT field, text FROM message_deltas WHERE message_id = ? ORDER BY seq",
            arguments: [message.id.rawValue])
        for row in rows {
            let text: String = row["text"]
            if row["field"] as String == "reasoning" { merged.reasoning += text } else { merged.answer += text }
        }
        return merged
    }
}
