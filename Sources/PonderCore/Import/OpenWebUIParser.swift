import Foundation

/// Open WebUI's chat export: a JSON array of chats (one for a single chat's "Export chat", all of
/// them for "Export all chats"), each `{id, title, chat: {history: {messages: {id: message}}},
/// created_at, updated_at, pinned, archived}`. Messages form a tree through `parentId`; branches
/// (regenerated answers, edited questions) become siblings. Reasoning is split out of the
/// `<details type="reasoning">` blocks in the text, with their durations.
public enum OpenWebUIParser {
    public static func plan(_ data: Data, file: String) throws -> ImportPlan {
        let document = try ImportJSON.parse(data, file: file)
        let chats: [JSONValue]
        switch document {
        case .array(let items): chats = items
        case .object where document["chat"] != nil || document["history"] != nil: chats = [document]
        default:
            throw StoreError(
                kind: .invalidData,
                message: "\(file) is \(ImportJSON.describe(document)); expected an Open WebUI chat export (a JSON "
                    + "array of chats, each with a \"chat\" holding its \"history\")"
                    + ImportJSON.hint(for: document, expected: .openWebUI) + ". Nothing was imported.")
        }
        var plan = ImportPlan(source: .openWebUI, file: file)
        for (index, item) in chats.enumerated() {
            let record = "chat \(index + 1)" + (item["id"]?.idValue.map { " (\($0))" } ?? "")
            do {
                var conversation = try self.conversation(item, index: index, file: file)
                conversation.titleFromFirstQuestionIfEmpty()
                plan.problems += conversation.repairTree()
                plan.conversations.append(conversation)
            } catch let reason as Reason {
                plan.problems.append(ImportProblem(file: file, record: record, reason: reason.text))
            }
        }
        if plan.conversations.isEmpty, !chats.isEmpty, plan.problems.count == chats.count {
            throw StoreError(
                kind: .invalidData,
                message: "\(file) has no usable Open WebUI chat: \(plan.problems[0].record): \(plan.problems[0].reason)"
                    + ImportJSON.hint(for: document, expected: .openWebUI) + ". Nothing was imported.")
        }
        return plan
    }

    struct Reason: Error {
        var text: String
    }

    private static func conversation(_ item: JSONValue, index: Int, file: String) throws -> ImportedConversation {
        guard item.objectValue != nil else { throw Reason(text: "it is \(ImportJSON.describe(item)), not a chat") }
        let chat = item["chat"] ?? item
        guard chat.objectValue != nil else { throw Reason(text: "its \"chat\" is \(ImportJSON.describe(chat))") }
        let id = item["id"]?.idValue ?? chat["id"]?.idValue ?? "chat-\(index + 1)"
        let created =
            ImportTimestamp.date(item["created_at"]) ?? ImportTimestamp.date(chat["timestamp"])
            ?? Date(timeIntervalSince1970: 0)
        var conversation = ImportedConversation(
            sourceID: id,
            title: item["title"]?.stringValue ?? chat["title"]?.stringValue ?? "",
            createdAt: created,
            updatedAt: ImportTimestamp.date(item["updated_at"]) ?? created,
            pinned: item["pinned"]?.boolValue ?? false,
            archived: item["archived"]?.boolValue ?? false,
            model: chat["models"]?[0]?.nonEmptyString,
            systemPrompt: chat["system"]?.nonEmptyString ?? chat["params"]?["system"]?.nonEmptyString,
            file: file)
        let source: [(String?, JSONValue)]
        if let tree = chat["history"]?["messages"]?.objectValue {
            source = tree.map { ($0.key, $0.value) }.sorted { order($0.1, $0.0) < order($1.1, $1.0) }
        } else if let list = chat["messages"]?.arrayValue {
            source = list.map { (nil, $0) }
        } else {
            throw Reason(text: "it has no messages (expected \"chat\": {\"history\": {\"messages\": {…}}})")
        }
        var previous: String?
        for (position, (key, value)) in source.enumerated() {
            guard let message = message(value, key: key, position: position, previous: previous, created: created)
            else {
                throw Reason(
                    text: "message \(key ?? String(position + 1)) is \(ImportJSON.describe(value)), not a message")
            }
            conversation.messages.append(message)
            previous = message.sourceID
        }
        if let last = conversation.messages.map(\.createdAt).max(), last > conversation.updatedAt {
            conversation.updatedAt = last
        }
        return conversation
    }

    /// Tree messages have no order of their own: sort by timestamp, then id.
    private static func order(_ value: JSONValue, _ key: String) -> (Double, String) {
        (value["timestamp"]?.numberValue ?? 0, key)
    }

    private static func message(
        _ value: JSONValue, key: String?, position: Int, previous: String?, created: Date
    ) -> ImportedMessage? {
        guard value.objectValue != nil, let roleText = value["role"]?.stringValue,
            let role = MessageRole(rawValue: roleText)
        else { return nil }
        let content: String
        if let text = value["content"]?.stringValue {
            content = text
        } else if let parts = value["content"]?.arrayValue {
            content = parts.compactMap { $0["text"]?.stringValue ?? $0.stringValue }.joined(separator: "\n")
        } else {
            content = ""
        }
        let when = ImportTimestamp.date(value["timestamp"]) ?? created
        let id = value["id"]?.idValue ?? key ?? "message-\(position + 1)"
        let parent: String? =
            value["parentId"].map { $0.isNull ? nil : $0.idValue } ?? (key == nil ? previous : nil)
        var message = ImportedMessage(
            sourceID: id, parentSourceID: parent, role: role, answer: content,
            model: value["model"]?.nonEmptyString ?? value["models"]?[0]?.nonEmptyString, createdAt: when)
        if role == .assistant {
            let split = OpenWebUIReasoning.split(content)
            message.reasoning = split.reasoning
            message.answer = split.answer
            message.usage = ImportUsage.usage(value["usage"] ?? value["info"])
            if !split.reasoning.isEmpty {
                message.timings = ImportedMessage.thinkingTimings(start: when, seconds: split.seconds)
            }
            if let error = value["error"], error != .bool(false), !error.isNull {
                message.status = .failed
                message.errorText = error["content"]?.stringValue ?? error.stringValue ?? "the response failed"
            } else if value["done"] == .bool(false) {
                message.status = .interrupted
            }
        }
        return message
    }
}
