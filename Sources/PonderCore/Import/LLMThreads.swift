import Foundation
import GRDB

/// The thread layout of llm's `logs.db`, loaded once: threads, the message tree, message parts
/// (with text borrowed from fragments resolved) and turns.
struct LLMThreads {
    struct Thread {
        var id: String
        var name: String?
        var tip: String?
        var created: Date?
    }

    struct Turn {
        var id: String
        var threadID: String
        var parent: String?
        var tip: String
        var model: String?
        var usage: TokenUsage
        var timings: ResponseTimings
        var created: Date
    }

    struct Node {
        var parent: String?
        var role: String
    }

    let file: String
    var threads: [Thread] = []
    var turns: [String: [Turn]] = [:]
    var nodes: [String: Node] = [:]
    /// Message hash → its parts in order: (type, text).
    var parts: [String: [(type: String, text: String)]] = [:]

    var threadIDs: Set<String> { Set(threads.map(\.id)) }

    init(_ db: Database, file: String, tables: Set<String>) throws {
        self.file = file
        for row in try Row.fetchAll(db, sql: "SELECT id, name, tip_message_hash, datetime_utc FROM threads") {
            guard let id = row.importText("id") else { continue }
            threads.append(
                Thread(
                    id: id, name: row.importText("name"), tip: row.importText("tip_message_hash"),
                    created: row.importText("datetime_utc").flatMap(ImportTimestamp.date)))
        }
        let turnRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, thread_id, parent_message_hash, tip_message_hash, model, input_tokens, output_tokens,
                    token_details, duration_ms, datetime_utc
                FROM turns ORDER BY datetime_utc, id
                """)
        while let row = try turnRows.next() {
            guard let id = row.importText("id"),
                let thread = row.importText("thread_id"),
                let tip = row.importText("tip_message_hash")
            else { continue }
            let created =
                row.importText("datetime_utc").flatMap(ImportTimestamp.date) ?? Date(timeIntervalSince1970: 0)
            turns[thread, default: []].append(
                Turn(
                    id: id, threadID: thread, parent: row.importText("parent_message_hash"), tip: tip,
                    model: row.importText("model"),
                    usage: LLMLogsParser.usage(row), timings: LLMLogsParser.timings(row, start: created),
                    created: created))
        }
        let nodeRows = try Row.fetchCursor(db, sql: "SELECT hash, parent_hash, role FROM messages")
        while let row = try nodeRows.next() {
            guard let hash = row.importText("hash") else { continue }
            nodes[hash] = Node(parent: row.importText("parent_hash"), role: row.importText("role") ?? "")
        }
        var fragments: [Int64: String] = [:]
        if tables.contains("fragments") {
            let fragmentRows = try Row.fetchCursor(db, sql: "SELECT id, content FROM fragments")
            while let row = try fragmentRows.next() {
                if let id = row.importInteger("id") { fragments[id] = row.importText("content") ?? "" }
            }
        }
        let partRows = try Row.fetchCursor(
            db, sql: "SELECT message_hash, type, text, payload FROM parts ORDER BY message_hash, position")
        while let row = try partRows.next() {
            guard let hash = row.importText("message_hash"), let type = row.importText("type") else { continue }
            var text = row.importText("text") ?? ""
            if text.isEmpty, let payload = row.importText("payload").flatMap({ try? JSONValue.parse($0) }) {
                text = payload["text"]?.stringValue ?? Self.resolve(payload["text_ref"], fragments: fragments)
            }
            parts[hash, default: []].append((type, text))
        }
    }

    /// Text kept as a list of literals and fragment references.
    private static func resolve(_ pieces: JSONValue?, fragments: [Int64: String]) -> String {
        (pieces?.arrayValue ?? []).map { piece in
            piece["literal"]?.stringValue ?? piece["fragment"]?.numberValue.flatMap { fragments[Int64($0)] } ?? ""
        }.joined()
    }

    /// One conversation per thread: every message on the chain of the thread's tip or of one of
    /// its turns. Tool traffic is left out (its children hang from the nearest message kept);
    /// a system message becomes the conversation's system prompt.
    func conversations(problems: inout [ImportProblem]) -> [ImportedConversation] {
        threads.compactMap { thread in
            let threadTurns = turns[thread.id] ?? []
            let created = thread.created ?? threadTurns.first?.created ?? Date(timeIntervalSince1970: 0)
            var conversation = ImportedConversation(
                sourceID: thread.id, title: thread.name ?? "", createdAt: created, model: threadTurns.last?.model,
                file: file)
            var turnOf: [String: Turn] = [:]
            for turn in threadTurns.reversed() {
                var hash: String? = turn.tip
                var steps = 0
                while let current = hash, current != turn.parent, steps < nodes.count {
                    turnOf[current] = turn
                    hash = nodes[current]?.parent
                    steps += 1
                }
            }
            var chain: [String] = []
            var seen: Set<String> = []
            for tip in [thread.tip].compactMap({ $0 }) + threadTurns.map(\.tip) {
                var path: [String] = []
                var hash: String? = tip
                while let current = hash, !seen.contains(current), nodes[current] != nil {
                    seen.insert(current)
                    path.append(current)
                    hash = nodes[current]?.parent
                }
                chain += path.reversed()
            }
            var keptParent: [String: String?] = [:]
            for hash in chain {
                guard let node = nodes[hash] else { continue }
                let parent = node.parent.flatMap { keptParent[$0] ?? nil }
                let pieces = parts[hash] ?? []
                let text = pieces.filter { $0.type == "text" }.map(\.text).joined(separator: "\n\n")
                let reasoning = pieces.filter { $0.type == "reasoning" }.map(\.text).filter { !$0.isEmpty }
                let turn = turnOf[hash]
                let when = turn?.created ?? created
                switch node.role {
                case "system":
                    if conversation.systemPrompt == nil, !text.isEmpty { conversation.systemPrompt = text }
                    keptParent[hash] = parent
                case "user" where !text.isEmpty:
                    conversation.messages.append(
                        ImportedMessage(
                            sourceID: hash, parentSourceID: parent, role: .user, answer: text, createdAt: when))
                    keptParent[hash] = hash
                case "assistant" where !text.isEmpty || !reasoning.isEmpty:
                    let inline: (reasoning: String, answer: String) =
                        reasoning.isEmpty ? InlineThink.split(text) : ("", text)
                    var message = ImportedMessage(
                        sourceID: hash, parentSourceID: parent, role: .assistant,
                        reasoning: reasoning.isEmpty ? inline.reasoning : reasoning.joined(separator: "\n\n"),
                        answer: inline.answer, model: turn?.model, createdAt: when.addingTimeInterval(0.001))
                    if turn?.tip == hash {
                        message.usage = turn?.usage ?? TokenUsage()
                        message.timings = turn?.timings ?? ResponseTimings()
                    }
                    conversation.messages.append(message)
                    keptParent[hash] = hash
                default:
                    keptParent[hash] = parent
                }
            }
            conversation.titleFromFirstQuestionIfEmpty()
            conversation.updatedAt = max(created, conversation.messages.map(\.createdAt).max() ?? created)
            guard !conversation.messages.isEmpty else {
                problems.append(
                    ImportProblem(file: file, record: "thread \(thread.id)", reason: "it has no messages"))
                return nil
            }
            return conversation
        }
    }
}
