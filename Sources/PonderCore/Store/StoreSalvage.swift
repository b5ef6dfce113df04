import Foundation
import GRDB

/// Reads what can still be read from a damaged conversation database, row range by row range,
/// skipping the rows that sit in unreadable pages. Each table is walked by its integer key in
/// ranges; a range that fails is halved until the failing rows are isolated, so one bad page costs
/// only its own rows. Values are converted leniently (a damaged cell can hold any type), and a row
/// without the fields a message or conversation cannot live without is counted as lost.
struct StoreSalvage {
    /// What was read, and how many row ids could not be.
    var conversations: [Conversation] = []
    var messages: [Message] = []
    var lostConversations = 0
    var lostMessages = 0

    /// Rows read per query before a failure makes the range smaller.
    static let rangeSize = 256

    /// Reads every table of the file at `url`. Throws only when the file cannot be opened at all.
    static func read(_ url: URL) throws -> StoreSalvage {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        defer { try? queue.close() }
        var salvage = StoreSalvage()
        try queue.inDatabase { db in
            let conversationColumns = Conversation.storeColumns
            salvage.lostConversations = try walk(db, table: "conversations", columns: conversationColumns) { row in
                guard let conversation = conversation(from: row) else { return false }
                salvage.conversations.append(conversation)
                return true
            }
            salvage.lostMessages = try walk(db, table: "messages", columns: Message.storeColumns) { row in
                guard let message = message(from: row) else { return false }
                salvage.messages.append(message)
                return true
            }
            try salvage.foldDeltas(db)
        }
        return salvage
    }

    /// Calls `visit` with every readable row of `table` in key order; returns how many row ids
    /// could not be read (including rows `visit` refused). Throws when the table cannot be found.
    private static func walk(_ db: Database, table: String, columns: String, visit: (Row) -> Bool) throws -> Int {
        // Without a readable schema entry for the table there is nothing to walk.
        guard (try? db.tableExists(table)) == true else { return 0 }
        let highest = (try? Int64.fetchOne(db, sql: "SELECT max(seq) FROM \(table)")) ?? nil
        let last = highest ?? probeHighestKey(db, table: table)
        guard last > 0 else { return 0 }
        var lost = 0
        var pending: [ClosedRange<Int64>] = stride(from: Int64(1), through: last, by: rangeSize).reversed().map {
            $0...min(last, $0 + Int64(rangeSize) - 1)
        }
        while let range = pending.popLast() {
            do {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT \(columns) FROM \(table) WHERE seq BETWEEN ? AND ? ORDER BY seq",
                    arguments: [range.lowerBound, range.upperBound])
                for row in rows where !visit(row) { lost += 1 }
            } catch {
                if range.count == 1 {
                    lost += 1
                } else {
                    let middle = range.lowerBound + Int64(range.count / 2)
                    pending.append(middle...range.upperBound)
                    pending.append(range.lowerBound...(middle - 1))
                }
            }
        }
        return lost
    }

    /// The highest key when `max(seq)` cannot be read: ranges upwards until a long run of them is
    /// readable and empty (or a million keys were looked at).
    private static func probeHighestKey(_ db: Database, table: String) -> Int64 {
        var highest: Int64 = 0
        var emptyRun = 0
        var start: Int64 = 1
        while emptyRun < 64 && start < 1 << 20 {
            let end = start + Int64(rangeSize) - 1
            do {
                if let key = try Int64.fetchOne(
                    db, sql: "SELECT max(seq) FROM \(table) WHERE seq BETWEEN ? AND ?", arguments: [start, end])
                {
                    highest = key
                    emptyRun = 0
                } else {
                    emptyRun += 1
                }
            } catch {
                highest = end  // unreadable: there were rows here
                emptyRun = 0
            }
            start = end + 1
        }
        return highest
    }

    /// Appends the text of not yet folded-in streaming deltas to their messages (older stores have
    /// no delta table; damaged delta rows are skipped).
    private mutating func foldDeltas(_ db: Database) throws {
        guard (try? db.tableExists("message_deltas")) == true else { return }
        let positions = Dictionary(messages.indices.map { (messages[$0].id, $0) }) { first, _ in first }
        _ = try Self.walk(db, table: "message_deltas", columns: "message_id, field, text") { row in
            guard let id = Self.text(row, "message_id"), let position = positions[MessageID(id)],
                let field = Self.text(row, "field"), let text = Self.text(row, "text")
            else { return false }
            if field == "reasoning" { messages[position].reasoning += text } else { messages[position].answer += text }
            return true
        }
    }

    // MARK: - Lenient conversion

    static func text(_ row: Row, _ column: String) -> String? {
        String.fromDatabaseValue(row[column] as DatabaseValue)
    }

    static func number(_ row: Row, _ column: String) -> Double? {
        Double.fromDatabaseValue(row[column] as DatabaseValue)
    }

    static func integer(_ row: Row, _ column: String) -> Int? {
        Int.fromDatabaseValue(row[column] as DatabaseValue)
    }

    static func conversation(from row: Row) -> Conversation? {
        guard let id = text(row, "id"), !id.isEmpty, let created = number(row, "created_at") else { return nil }
        return Conversation(
            id: ConversationID(id), title: text(row, "title") ?? "", createdAt: StoredDate.date(created),
            updatedAt: number(row, "updated_at").map(StoredDate.date), pinned: integer(row, "pinned") == 1,
            archived: integer(row, "archived") == 1, provider: text(row, "provider"), model: text(row, "model"),
            systemPrompt: text(row, "system_prompt"))
    }

    static func message(from row: Row) -> Message? {
        guard let id = text(row, "id"), !id.isEmpty, let conversation = text(row, "conversation_id"),
            let role = text(row, "role").flatMap(MessageRole.init(rawValue:)),
            let created = number(row, "created_at")
        else { return nil }
        var status = text(row, "status").flatMap(MessageStatus.init(rawValue:)) ?? .interrupted
        if status == .streaming { status = .interrupted }
        return Message(
            id: MessageID(id), conversationID: ConversationID(conversation),
            parentID: text(row, "parent_id").map(MessageID.init), role: role, reasoning: text(row, "reasoning") ?? "",
            answer: text(row, "answer") ?? "", status: status, errorText: text(row, "error_text"),
            provider: text(row, "provider"), model: text(row, "model"),
            usage: TokenUsage(
                promptTokens: integer(row, "prompt_tokens"), completionTokens: integer(row, "completion_tokens"),
                reasoningTokens: integer(row, "reasoning_tokens"), cacheHitTokens: integer(row, "cache_hit_tokens"),
                cacheMissTokens: integer(row, "cache_miss_tokens")),
            timings: ResponseTimings(
                sent: number(row, "sent_at").map(StoredDate.date),
                firstByte: number(row, "first_byte_at").map(StoredDate.date),
                firstReasoning: number(row, "first_reasoning_at").map(StoredDate.date),
                firstAnswer: number(row, "first_answer_at").map(StoredDate.date),
                finished: number(row, "finished_at").map(StoredDate.date)),
            reasoningFolded: integer(row, "reasoning_folded").map { $0 != 0 }, createdAt: StoredDate.date(created))
    }
}
