import Foundation
import GRDB

/// llm's `logs.db`. Current versions keep a thread per conversation over a tree of
/// content-addressed messages made of parts (`text`, `reasoning`, tool calls), with one `turns`
/// row per model call (model, token counts, duration, time); older versions kept one `responses`
/// row per prompt and response in `conversations`. Both are read: a thread becomes a conversation
/// whose branches are the chains of its turns, and a legacy conversation its responses in order.
/// Reasoning comes from reasoning parts, the legacy `reasoning` column, or inline think tags.
public enum LLMLogsParser {
    public static func plan(databaseAt url: URL, file: String) throws -> ImportPlan {
        let queue = try ImportDatabase.open(url, file: file, source: .llm, needsAnyOf: ["threads", "responses"])
        var plan = ImportPlan(source: .llm, file: file)
        do {
            try queue.read { db in
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                var threadIDs: Set<String> = []
                if tables.isSuperset(of: ["threads", "turns", "messages", "parts"]) {
                    let threads = try LLMThreads(db, file: file, tables: tables)
                    threadIDs = threads.threadIDs
                    for var conversation in threads.conversations(problems: &plan.problems) {
                        plan.problems += conversation.repairTree()
                        plan.conversations.append(conversation)
                    }
                }
                if tables.contains("responses") {
                    for var conversation in try legacyConversations(db, file: file, skipping: threadIDs) {
                        plan.problems += conversation.repairTree()
                        plan.conversations.append(conversation)
                    }
                }
            }
        } catch {
            throw ImportDatabase.failure(error, file: file)
        }
        plan.conversations.sort { $0.createdAt < $1.createdAt }
        return plan
    }

    /// Responses of older llm versions: each one a prompt and its response, chained in time order
    /// within a conversation (a response without a conversation is a conversation of its own).
    private static func legacyConversations(_ db: Database, file: String, skipping threadIDs: Set<String>) throws
        -> [ImportedConversation]
    {
        let columns = try ImportDatabase.columns(db, "responses")
        func column(_ name: String) -> String { columns.contains(name) ? name : "NULL AS \(name)" }
        let names: [String: (name: String?, model: String?)]
        if try db.tableExists("conversations") {
            names = Dictionary(
                try Row.fetchAll(db, sql: "SELECT id, name, model FROM conversations").map {
                    ($0.importText("id") ?? "", (name: $0.importText("name"), model: $0.importText("model")))
                }, uniquingKeysWith: { first, _ in first })
        } else {
            names = [:]
        }
        let exclusion = try db.tableExists("turns") ? "WHERE id NOT IN (SELECT id FROM turns)" : ""
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, \(column("model")), \(column("prompt")), \(column("system")), \(column("response")),
                    \(column("reasoning")), \(column("conversation_id")), \(column("duration_ms")),
                    \(column("datetime_utc")), \(column("input_tokens")), \(column("output_tokens")),
                    \(column("token_details"))
                FROM responses \(exclusion) ORDER BY datetime_utc, id
                """)
        var conversations: [String: ImportedConversation] = [:]
        var order: [String] = []
        while let row = try rows.next() {
            guard let id = row.importText("id") else { continue }
            let conversationID = row.importText("conversation_id") ?? id
            if threadIDs.contains(conversationID) { continue }
            let when = ImportTimestamp.date(row.importText("datetime_utc") ?? "") ?? Date(timeIntervalSince1970: 0)
            if conversations[conversationID] == nil {
                let header = names[conversationID]
                conversations[conversationID] = ImportedConversation(
                    sourceID: conversationID,
                    title: header?.name ?? "",
                    createdAt: when, model: header?.model ?? row.importText("model"),
                    systemPrompt: row.importNonEmptyText("system"), file: file)
                order.append(conversationID)
            }
            let previous = conversations[conversationID]?.messages.last?.sourceID
            let question = ImportedMessage(
                sourceID: "\(id)/prompt", parentSourceID: previous, role: .user, answer: row.importText("prompt") ?? "",
                createdAt: when)
            var answer = ImportedMessage(
                sourceID: id, parentSourceID: question.sourceID, role: .assistant,
                answer: row.importText("response") ?? "",
                model: row.importText("model"), createdAt: when.addingTimeInterval(0.001))
            let stored = row.importText("reasoning") ?? ""
            let inline = InlineThink.split(answer.answer)
            answer.reasoning = stored.isEmpty ? inline.reasoning : stored
            if stored.isEmpty { answer.answer = inline.answer }
            answer.usage = usage(row)
            answer.timings = timings(row, start: when)
            conversations[conversationID]?.messages += [question, answer]
            conversations[conversationID]?.updatedAt = answer.timings.finished ?? when
        }
        return order.compactMap { id in
            var conversation = conversations[id]
            conversation?.titleFromFirstQuestionIfEmpty()
            return conversation
        }
    }

    static func usage(_ row: Row) -> TokenUsage {
        var usage = ImportUsage.usage(row.importText("token_details").flatMap { try? JSONValue.parse($0) })
        if let input = row.importInteger("input_tokens").map(Int.init) { usage.promptTokens = input }
        if let output = row.importInteger("output_tokens").map(Int.init) { usage.completionTokens = output }
        return usage
    }

    static func timings(_ row: Row, start: Date) -> ResponseTimings {
        guard let milliseconds = row.importNumber("duration_ms"), milliseconds >= 0, milliseconds < 1e10 else {
            return ResponseTimings(sent: start)
        }
        return ResponseTimings(sent: start, finished: start.addingTimeInterval(milliseconds / 1000))
    }
}
