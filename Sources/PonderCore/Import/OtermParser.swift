import Foundation
import GRDB

/// oterm's `store.db`: `chat` rows (name, model, system prompt) and their `message` rows (author,
/// text) in id order. oterm keeps no times, so messages are dated by the file's modification time,
/// a millisecond apart in their order. oterm does not store the thinking it shows; think tags found in
/// an answer's text are split out all the same.
public enum OtermParser {
    public static func plan(databaseAt url: URL, file: String) throws -> ImportPlan {
        let queue = try ImportDatabase.open(url, file: file, source: .oterm, needsAnyOf: ["chat"])
        let modified =
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date()
        var plan = ImportPlan(source: .oterm, file: file)
        do {
            try queue.read { db in
                guard try db.tableExists("message") else {
                    throw StoreError(
                        kind: .invalidData,
                        message: "\(file) has oterm's chat table but no message table. Nothing was imported.")
                }
                var conversations: [Int64: ImportedConversation] = [:]
                var order: [Int64] = []
                for row in try Row.fetchAll(db, sql: "SELECT * FROM chat ORDER BY id") {
                    guard let id = row.importInteger("id") else { continue }
                    let name = row.importText("name") ?? ""
                    conversations[id] = ImportedConversation(
                        sourceID: String(id), title: name, createdAt: modified, provider: row.importText("provider"),
                        model: row.importText("model"), systemPrompt: row.importNonEmptyText("system"),
                        file: file)
                    order.append(id)
                }
                let messages = try Row.fetchCursor(db, sql: "SELECT id, chat_id, author, text FROM message ORDER BY id")
                var position = 0
                while let row = try messages.next() {
                    position += 1
                    let id = row.importText("id") ?? "row \(position)"
                    guard let chat = row.importInteger("chat_id"), conversations[chat] != nil else {
                        plan.problems.append(
                            ImportProblem(
                                file: file, record: "message \(id)",
                                reason:
                                    "its chat \(row.importText("chat_id") ?? "(none)") is not in the file"
                            ))
                        continue
                    }
                    let author = row.importText("author") ?? ""
                    guard let role = MessageRole(rawValue: author), role != .system else {
                        plan.problems.append(
                            ImportProblem(
                                file: file, record: "message \(id) in chat \(chat)",
                                reason:
                                    "its author “\(Sanitizer.sanitizeLine(author))” is neither user nor assistant"
                            ))
                        continue
                    }
                    let text = row.importText("text") ?? ""
                    let split = role == .assistant ? InlineThink.split(text) : ("", text)
                    let when = modified.addingTimeInterval(Double(position) / 1000)
                    let previous = conversations[chat]?.messages.last?.sourceID
                    let model = role == .assistant ? conversations[chat]?.model : nil
                    conversations[chat]?.messages.append(
                        ImportedMessage(
                            sourceID: id, parentSourceID: previous, role: role, reasoning: split.0, answer: split.1,
                            model: model, createdAt: when))
                    conversations[chat]?.updatedAt = when
                }
                for id in order {
                    guard var conversation = conversations[id] else { continue }
                    conversation.titleFromFirstQuestionIfEmpty()
                    plan.problems += conversation.repairTree()
                    plan.conversations.append(conversation)
                }
            }
        } catch {
            throw ImportDatabase.failure(error, file: file)
        }
        return plan
    }
}
