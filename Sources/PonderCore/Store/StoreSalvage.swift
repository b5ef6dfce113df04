import Foundation
import GRDB

/// Reads what can still be read from a damaged conversation database, row range by row range,
/// skipping the rows that sit in unreadable pages. Each table is walked by its integer key in
/// ranges; a range that fails is split until the failing rows are isolated, so one bad page costs
/// only its own rows, and the queries spent on it grow with those rows, not with the key space.
/// Values are converted leniently (a damaged cell can hold any type), and a row without the fields
/// a message or conversation cannot live without is counted as lost.
struct StoreSalvage {
    /// What was read, and how many row ids could not be.
    var conversations: [Conversation] = []
    var messages: [Message] = []
    var lostConversations = 0
    var lostMessages = 0
    /// Whether a lost count is a count of unreadable keys, as without a readable index: deleted rows
    /// left gaps among the keys, and the highest key may be unknown, so it only estimates the rows.
    var lostCountedByKey = false
    /// Of the conversations and messages tables, those the schema no longer names (all of them
    /// when the file could not be opened): their rows cannot be reached.
    var tablesNotFound: [String] = []

    /// The tables a store cannot be read without.
    static let requiredTables = ["conversations", "messages"]

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
            let conversations = try walk(db, table: "conversations", columns: Conversation.storeColumns) { row in
                guard let conversation = conversation(from: row) else { return false }
                salvage.conversations.append(conversation)
                return true
            }
            let messages = try walk(db, table: "messages", columns: Message.storeColumns) { row in
                guard let message = message(from: row) else { return false }
                salvage.messages.append(message)
                return true
            }
            salvage.tablesNotFound = zip(requiredTables, [conversations, messages]).filter { $0.1 == nil }.map(\.0)
            salvage.lostConversations = conversations?.lost ?? 0
            salvage.lostMessages = messages?.lost ?? 0
            salvage.lostCountedByKey = conversations?.countedByKey == true || messages?.countedByKey == true
            try salvage.foldDeltas(db)
        }
        return salvage
    }

    /// Calls `visit` with every readable row of `table` in key order; returns how many rows could
    /// not be read (including rows `visit` refused), and whether that number counts keys rather
    /// than rows (see below); nil when the schema no longer names the table.
    ///
    /// The keys come from the table's indexes that can be read whole (an index holds every row's key
    /// in pages of its own), so a damaged table page costs only queries for the rows it held, and the
    /// loss is counted in rows. Without a readable index, or with one that misses the table's highest
    /// key, keys are walked as a range up to the highest key found, and a lost stretch is counted in
    /// keys.
    private static func walk(
        _ db: Database, table: String, columns: String, visit: (Row) -> Bool
    ) throws -> (lost: Int, countedByKey: Bool)? {
        // Without a readable schema entry for the table there is nothing to walk.
        guard (try? db.tableExists(table)) == true else { return nil }
        let highest = (try? Int64.fetchOne(db, sql: "SELECT max(seq) FROM \(table)")) ?? nil
        var keys = indexedKeys(db, table: table)
        if let highest, keys?.last != highest { keys = nil }  // an index that lacks rows the table has
        let last = highest ?? keys?.last ?? probeHighestKey(db, table: table)
        guard last > 0 else { return (0, false) }
        let first = min(1, keys?.first ?? 1)
        var lost = 0
        var pending = batches(from: first, through: last, keys: keys).reversed() as [ClosedRange<Int64>]
        while let range = pending.popLast() {
            do {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT \(columns) FROM \(table) WHERE seq BETWEEN ? AND ? ORDER BY seq",
                    arguments: [range.lowerBound, range.upperBound])
                for row in rows where !visit(row) { lost += 1 }
            } catch {
                guard let keys else {
                    // Keys unknown: halve the range until single keys are left.
                    if range.lowerBound == range.upperBound {
                        lost += 1
                    } else {
                        let middle = range.lowerBound + (range.upperBound - range.lowerBound + 1) / 2
                        pending.append(middle...range.upperBound)
                        pending.append(range.lowerBound...(middle - 1))
                    }
                    continue
                }
                // Keys known: split between the rows the range holds until each is tried alone.
                let inside = keys.indices(in: range)
                if inside.count > 1 {
                    let middle = keys[inside.lowerBound + inside.count / 2]
                    pending.append(middle...range.upperBound)
                    pending.append(range.lowerBound...(middle - 1))
                } else if inside.count == 1 && range.lowerBound < range.upperBound {
                    pending.append(keys[inside.lowerBound]...keys[inside.lowerBound])
                } else {
                    lost += inside.count
                }
            }
        }
        return (lost, keys == nil && lost > 0)
    }

    /// Consecutive ranges from `first` through `last` of about `rangeSize` rows each: cut at every
    /// `rangeSize`th key when the keys are known, every `rangeSize` keys when not.
    private static func batches(from first: Int64, through last: Int64, keys: [Int64]?) -> [ClosedRange<Int64>] {
        guard let keys else {
            return stride(from: first, through: last, by: rangeSize).map { $0...min(last, $0 + Int64(rangeSize) - 1) }
        }
        var ranges: [ClosedRange<Int64>] = []
        var lower = first
        for index in stride(from: rangeSize - 1, to: keys.count, by: rangeSize) where keys[index] < last {
            ranges.append(lower...keys[index])
            lower = keys[index] + 1
        }
        ranges.append(lower...last)
        return ranges
    }

    /// Every row's key in order, once each: the keys of all indexes of `table` that cover every row
    /// (not partial) and can be read to the end, so that one index that lost entries is made up by
    /// the others; nil when there is none.
    private static func indexedKeys(_ db: Database, table: String) -> [Int64]? {
        guard let indexes = try? Row.fetchAll(db, sql: "PRAGMA index_list(\(table))") else { return nil }
        var keys: Set<Int64>?
        for index in indexes where (index["partial"] as Int?) == 0 {
            guard let name = index["name"] as String? else { continue }
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            if let read = try? Int64.fetchAll(db, sql: "SELECT seq FROM \(table) INDEXED BY \(quoted)") {
                keys = (keys ?? []).union(read)
            }
        }
        return keys?.sorted()
    }

    /// The highest key when neither `max(seq)` nor an index can be read: ranges upwards until a long
    /// run of them is readable and empty (or a million keys were looked at). The highest key read
    /// counts, and so does the end of the first unreadable range after it (rows may sit there); the
    /// unreadable ranges beyond do not, since every key past a damaged last page fails alike.
    private static func probeHighestKey(_ db: Database, table: String) -> Int64 {
        var highestRead: Int64 = 0
        var firstFailureAfterRead: Int64?
        var emptyRun = 0
        var start: Int64 = 1
        while emptyRun < 64 && start < 1 << 20 {
            let end = start + Int64(rangeSize) - 1
            do {
                if let key = try Int64.fetchOne(
                    db, sql: "SELECT max(seq) FROM \(table) WHERE seq BETWEEN ? AND ?", arguments: [start, end])
                {
                    highestRead = key
                    firstFailureAfterRead = nil
                    emptyRun = 0
                } else {
                    emptyRun += 1
                }
            } catch {
                if firstFailureAfterRead == nil { firstFailureAfterRead = end }
                emptyRun = 0
            }
            start = end + 1
        }
        return max(highestRead, firstFailureAfterRead ?? 0)
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

extension [Int64] {
    /// The positions of the elements inside `range`, for an array sorted ascending.
    fileprivate func indices(in range: ClosedRange<Int64>) -> Range<Int> {
        firstPosition { $0 >= range.lowerBound }..<firstPosition { $0 > range.upperBound }
    }

    /// The first position whose element satisfies `isPast` (which holds from some position on).
    private func firstPosition(where isPast: (Int64) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isPast(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
