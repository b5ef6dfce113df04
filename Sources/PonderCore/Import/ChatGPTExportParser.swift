import Foundation

/// ChatGPT's data export, `conversations.json`: a JSON array of conversations, each a tree of nodes
/// (`mapping`: node id → `{message, parent, children}`). User and assistant text messages are kept;
/// a `thoughts` node (reasoning models) becomes the reasoning of the assistant message after it,
/// with the time from `finished_duration_sec` or the `reasoning_recap` line; tool calls, tool
/// output and hidden system messages are left out. Branches (regenerated answers, edited
/// questions) become siblings.
public enum ChatGPTExportParser {
    public static func plan(_ data: Data, file: String) throws -> ImportPlan {
        let document = try ImportJSON.parse(data, file: file)
        let items: [JSONValue]
        switch document {
        case .array(let list): items = list
        case .object where document["mapping"] != nil: items = [document]
        default:
            throw StoreError(
                kind: .invalidData,
                message: "\(file) is \(ImportJSON.describe(document)); expected ChatGPT's conversations.json (a JSON "
                    + "array of conversations, each with a \"mapping\" of messages)"
                    + ImportJSON.hint(for: document, expected: .chatgpt) + ". Nothing was imported.")
        }
        var plan = ImportPlan(source: .chatgpt, file: file)
        for (index, item) in items.enumerated() {
            let id = item["conversation_id"]?.idValue ?? item["id"]?.idValue
            let record = "conversation \(index + 1)" + (id.map { " (\($0))" } ?? "")
            guard let mapping = item["mapping"]?.objectValue else {
                let found = item.objectValue == nil ? "it is \(ImportJSON.describe(item))" : "it has no \"mapping\""
                plan.problems.append(ImportProblem(file: file, record: record, reason: found))
                continue
            }
            let created = ImportTimestamp.date(item["create_time"]) ?? Date(timeIntervalSince1970: 0)
            var conversation = ImportedConversation(
                sourceID: id ?? "conversation-\(index + 1)", title: item["title"]?.stringValue ?? "",
                createdAt: created, updatedAt: ImportTimestamp.date(item["update_time"]) ?? created,
                archived: item["is_archived"]?.boolValue ?? false, model: item["default_model_slug"]?.nonEmptyString,
                file: file)
            conversation.messages = messages(in: mapping, created: created)
            if conversation.messages.isEmpty {
                plan.problems.append(
                    ImportProblem(
                        file: file, record: conversation.recordName, reason: "it has no text messages"))
                continue
            }
            conversation.titleFromFirstQuestionIfEmpty()
            plan.problems += conversation.repairTree()
            plan.conversations.append(conversation)
        }
        return plan
    }

    /// A walk from the roots of the node tree, carrying the nearest kept ancestor and the reasoning
    /// waiting for the next assistant answer.
    private static func messages(in mapping: [String: JSONValue], created: Date) -> [ImportedMessage] {
        struct Step {
            var node: String
            var parent: String?
            var reasoning: [String]
            var seconds: Double?
        }
        func time(_ node: String) -> Double { mapping[node]?["message"]?["create_time"]?.numberValue ?? 0 }
        let roots = mapping.keys.filter { key in
            guard let parent = mapping[key]?["parent"]?.idValue else { return true }
            return mapping[parent] == nil
        }.sorted { (time($0), $0) < (time($1), $1) }
        var result: [ImportedMessage] = []
        var visited: Set<String> = []
        var stack = roots.reversed().map { Step(node: $0, parent: nil, reasoning: [], seconds: nil) }
        while var step = stack.popLast() {
            guard visited.insert(step.node).inserted, let node = mapping[step.node] else { continue }
            var parent = step.parent
            let message = node["message"] ?? .null
            let role = message["author"]?["role"]?.stringValue
            let contentType = message["content"]?["content_type"]?.stringValue ?? ""
            let hidden = message["metadata"]?["is_visually_hidden_from_conversation"]?.boolValue == true
            let toAll = (message["recipient"]?.stringValue ?? "all") == "all"
            if let duration = message["metadata"]?["finished_duration_sec"]?.numberValue { step.seconds = duration }
            switch (role, contentType) {
            case ("assistant", "thoughts"):
                step.reasoning += (message["content"]?["thoughts"]?.arrayValue ?? []).compactMap(thought)
            case ("assistant", "reasoning_recap"):
                if step.seconds == nil { step.seconds = recapSeconds(message["content"]?["content"]?.stringValue) }
            case ("user", "text"), ("user", "multimodal_text"), ("assistant", "text"), ("assistant", "multimodal_text"):
                let text = parts(message["content"]?["parts"])
                guard !hidden, toAll, !text.isEmpty || role == "assistant" && !step.reasoning.isEmpty,
                    let kind = role.flatMap(MessageRole.init(rawValue:))
                else { break }
                let when = ImportTimestamp.date(message["create_time"]) ?? created
                var kept = ImportedMessage(
                    sourceID: message["id"]?.idValue ?? step.node, parentSourceID: parent, role: kind, answer: text,
                    model: message["metadata"]?["model_slug"]?.nonEmptyString, createdAt: when)
                if kind == .assistant {
                    let inline = InlineThink.split(text)
                    kept.reasoning = (step.reasoning + [inline.reasoning]).filter { !$0.isEmpty }.joined(
                        separator: "\n\n")
                    kept.answer = inline.answer
                    if !kept.reasoning.isEmpty {
                        kept.timings = ImportedMessage.thinkingTimings(start: when, seconds: step.seconds)
                    }
                    if message["status"]?.stringValue == "in_progress" { kept.status = .interrupted }
                    step.reasoning = []
                    step.seconds = nil
                }
                result.append(kept)
                parent = kept.sourceID
            default:
                break
            }
            let children = (node["children"]?.arrayValue ?? []).compactMap(\.idValue).sorted {
                (time($0), $0) < (time($1), $1)
            }
            for child in children.reversed() {
                stack.append(Step(node: child, parent: parent, reasoning: step.reasoning, seconds: step.seconds))
            }
        }
        return result
    }

    private static func parts(_ value: JSONValue?) -> String {
        (value?.arrayValue ?? []).compactMap { part in
            part.stringValue ?? part["text"]?.stringValue
        }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private static func thought(_ value: JSONValue) -> String? {
        let summary = value["summary"]?.nonEmptyString
        let content = value["content"]?.nonEmptyString
        switch (summary, content) {
        case (let summary?, let content?): return "**\(summary)**\n\n\(content)"
        case (nil, let content?): return content
        case (let summary?, nil): return summary
        case (nil, nil): return nil
        }
    }

    /// Seconds from a recap line such as "Thought for 12 seconds" or "Thought for 1m 5s".
    static func recapSeconds(_ text: String?) -> Double? {
        guard let text else { return nil }
        var total = 0.0
        var found = false
        var number = ""
        var unit = ""
        func flush() {
            guard let value = Double(number) else { return }
            total += unit.hasPrefix("m") ? value * 60 : unit.hasPrefix("h") ? value * 3600 : value
            found = true
        }
        for character in text.lowercased() + " " {
            if character.isNumber || character == "." && !number.isEmpty {
                if !unit.isEmpty {
                    flush()
                    number = ""
                    unit = ""
                }
                number.append(character)
            } else if character.isLetter, !number.isEmpty {
                unit.append(character)
            } else if !number.isEmpty, !unit.isEmpty || character != " " {
                flush()
                number = ""
                unit = ""
            }
        }
        if !number.isEmpty { flush() }
        return found ? total : nil
    }
}
