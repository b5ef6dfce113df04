import Foundation

/// Any Markdown or JSON file whose assistant turns carry their reasoning inline as
/// `<think>…</think>` (or Open WebUI's reasoning blocks). JSON may be a list of `{role, content}`
/// messages, an object with `messages` (and optionally `title` and `model`), an array of such
/// objects, or one such object per line; an assistant message's `reasoning_content` or
/// `reasoning` field is kept as reasoning too. Markdown turns start at a line naming the speaker
/// (`## User`, `### ASSISTANT`, `**Assistant:**`); a file without such lines is one answer.
/// The files carry no ids, so a conversation's id is a hash of its text: importing the same
/// file again adds nothing.
public enum ThinkTagParser {
    public static func plan(_ data: Data, file: String, modified: Date) throws -> ImportPlan {
        var plan = ImportPlan(source: .think, file: file)
        let first = data.first {
            $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
        }
        let conversations: [(record: String, messages: [(MessageRole, JSONValue)], title: String?, model: String?)]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            conversations = try jsonConversations(data, file: file, problems: &plan.problems)
        } else {
            let text = String(decoding: data, as: UTF8.self)
            let markdown = MarkdownTurns.parse(text)
            conversations = [
                ("the file", markdown.turns.map { ($0.role, JSONValue.string($0.text)) }, markdown.title, nil)
            ]
        }
        for (index, entry) in conversations.enumerated() {
            var conversation = ImportedConversation(
                sourceID: "", title: entry.title ?? "", createdAt: modified, model: entry.model, file: file)
            var fingerprint = StableHash()
            for (position, (role, value)) in entry.messages.enumerated() {
                let text = content(value)
                fingerprint.add(role.rawValue)
                fingerprint.add(text)
                var message = ImportedMessage(
                    sourceID: String(position + 1), parentSourceID: position > 0 ? String(position) : nil, role: role,
                    answer: text, model: role == .assistant ? entry.model : nil,
                    createdAt: modified.addingTimeInterval(Double(position) / 1000))
                if role == .assistant {
                    let split = OpenWebUIReasoning.split(text)
                    let separate = value["reasoning_content"]?.nonEmptyString ?? value["reasoning"]?.nonEmptyString
                    message.reasoning = separate ?? split.reasoning
                    message.answer = separate == nil ? split.answer : text
                    if separate == nil, !split.reasoning.isEmpty {
                        message.timings = ImportedMessage.thinkingTimings(
                            start: message.createdAt, seconds: split.seconds)
                    }
                }
                conversation.messages.append(message)
            }
            guard !conversation.messages.isEmpty else {
                plan.problems.append(
                    ImportProblem(file: file, record: entry.record, reason: "it has no messages"))
                continue
            }
            conversation.sourceID = "\(fingerprint.hex)-\(index + 1)"
            conversation.titleFromFirstQuestionIfEmpty()
            conversation.updatedAt = conversation.messages.last?.createdAt ?? modified
            plan.problems += conversation.repairTree()
            plan.conversations.append(conversation)
        }
        return plan
    }

    private static func jsonConversations(_ data: Data, file: String, problems: inout [ImportProblem]) throws
        -> [(record: String, messages: [(MessageRole, JSONValue)], title: String?, model: String?)]
    {
        var documents: [(String, JSONValue)] = []
        do {
            let document = try ImportJSON.parse(data, file: file)
            if case .array(let items) = document, items.first?["messages"] != nil {
                documents = items.enumerated().map { ("item \($0.offset + 1)", $0.element) }
            } else {
                documents = [("the file", document)]
            }
        } catch let error as StoreError {
            let lines = ImportJSON.parseLines(data, file: file)
            guard lines.count > 1 else { throw error }
            for (line, parsed) in lines {
                switch parsed {
                case .success(let value): documents.append(("line \(line)", value))
                case .failure(let error):
                    problems.append(ImportProblem(file: file, record: "line \(line)", reason: error.message))
                }
            }
        }
        var result: [(record: String, messages: [(MessageRole, JSONValue)], title: String?, model: String?)] = []
        for (record, document) in documents {
            guard let list = document.arrayValue ?? document["messages"]?.arrayValue else {
                let reason =
                    "it is \(ImportJSON.describe(document)); expected a list of {\"role\", \"content\"} messages "
                    + "or an object with \"messages\"" + ImportJSON.hint(for: document, expected: .think)
                if documents.count == 1 {
                    throw StoreError(kind: .invalidData, message: "\(file): \(reason). Nothing was imported.")
                }
                problems.append(ImportProblem(file: file, record: record, reason: reason))
                continue
            }
            var messages: [(MessageRole, JSONValue)] = []
            for (index, item) in list.enumerated() {
                let roleText = (item["role"]?.stringValue ?? item["from"]?.stringValue ?? "").lowercased()
                guard let role = MessageTurnRole.role(roleText) else {
                    problems.append(
                        ImportProblem(
                            file: file, record: "\(record), message \(index + 1)",
                            reason: "it has no known role (\(ImportJSON.describe(item["role"] ?? .null)))"))
                    continue
                }
                messages.append((role, item))
            }
            result.append((record, messages, document["title"]?.nonEmptyString, document["model"]?.nonEmptyString))
        }
        return result
    }

    /// A message's text: a string, a list of text parts, or the `content`/`value`/`text` member.
    private static func content(_ value: JSONValue) -> String {
        if let text = value.stringValue { return text }
        let body = value["content"] ?? value["value"] ?? value["text"] ?? .null
        if let text = body.stringValue { return text }
        return (body.arrayValue ?? []).compactMap { $0["text"]?.stringValue ?? $0.stringValue }.joined(separator: "\n")
    }
}

/// Speaker names that mark a turn in Markdown transcripts and chat JSON.
enum MessageTurnRole {
    static func role(_ name: String) -> MessageRole? {
        switch name.lowercased() {
        case "user", "human", "you", "me", "prompt", "question": return .user
        case "assistant", "ai", "model", "bot", "gpt", "response", "answer": return .assistant
        case "system": return .system
        default: return nil
        }
    }
}

/// A 64-bit FNV-1a hash of text, stable across runs and machines (Swift's `Hasher` is seeded per run).
struct StableHash {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        value ^= 0xff
        value &*= 0x100_0000_01b3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
