import Foundation

/// Ponder's own export (docs/export-format.md): one conversation per JSON document, a JSON array of
/// them, or one per line (the JSON-lines stream of `ponder export --all`). Ids are the source ids,
/// so a conversation that is already in the store is recognised by its own id.
public enum PonderExportParser {
    public static func plan(_ data: Data, file: String) throws -> ImportPlan {
        var plan = ImportPlan(source: .ponder, file: file)
        let document: JSONValue
        do {
            document = try ImportJSON.parse(data, file: file)
        } catch let error as StoreError {
            guard looksLikeLines(data) else { throw error }
            for (line, parsed) in ImportJSON.parseLines(data, file: file) {
                switch parsed {
                case .success(let value): add(value, record: "line \(line)", to: &plan)
                case .failure(let error):
                    plan.problems.append(ImportProblem(file: file, record: "line \(line)", reason: error.message))
                }
            }
            return plan
        }
        switch document {
        case .array(let items) where items.allSatisfy({ $0.objectValue != nil }) && !items.isEmpty:
            for (index, item) in items.enumerated() { add(item, record: "item \(index + 1)", to: &plan) }
            if plan.conversations.isEmpty {
                throw StoreError(
                    kind: .invalidData,
                    message:
                        "\(file) is \(ImportJSON.describe(document)); none of them is a Ponder conversation export "
                        + "(with \"format\": \"\(ConversationExport.formatName)\")"
                        + ImportJSON.hint(for: document, expected: .ponder) + ". Nothing was imported.")
            }
        case .object:
            var conversation: ImportedConversation
            do {
                conversation = try self.conversation(document, file: file)
            } catch var error as StoreError {
                error.message += " Nothing was imported."
                throw error
            }
            plan.problems += conversation.repairTree()
            plan.conversations.append(conversation)
        default:
            throw StoreError(
                kind: .invalidData,
                message: "\(file) is \(ImportJSON.describe(document)); expected a Ponder conversation export (a JSON "
                    + "object with \"format\": \"\(ConversationExport.formatName)\"), an array of them, or one per "
                    + "line\(ImportJSON.hint(for: document, expected: .ponder)). Nothing was imported.")
        }
        return plan
    }

    /// Several lines, the first of them a whole JSON object: a JSON-lines stream (whose damaged lines
    /// are then reported one by one).
    private static func looksLikeLines(_ data: Data) -> Bool {
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { line in
            line.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        }
        guard lines.count > 1, let first = lines.first else { return false }
        return (try? ImportJSON.parse(Data(first), file: ""))?.objectValue != nil
    }

    private static func add(_ value: JSONValue, record: String, to plan: inout ImportPlan) {
        do {
            var conversation = try self.conversation(value, file: plan.file)
            plan.problems += conversation.repairTree()
            plan.conversations.append(conversation)
        } catch let error as StoreError {
            plan.problems.append(ImportProblem(file: plan.file, record: record, reason: error.message))
        } catch {
            plan.problems.append(ImportProblem(file: plan.file, record: record, reason: "\(error)"))
        }
    }

    /// One export document as a conversation, after checking its format and version.
    static func conversation(_ document: JSONValue, file: String) throws -> ImportedConversation {
        guard document["format"]?.stringValue == ConversationExport.formatName,
            let version = document["version"]?.intValue
        else {
            throw StoreError(
                kind: .invalidData,
                message: "\(file) is \(ImportJSON.describe(document)), not a Ponder conversation export (expected "
                    + "\"format\": \"\(ConversationExport.formatName)\" and a \"version\")"
                    + ImportJSON.hint(for: document, expected: .ponder) + ".")
        }
        guard version <= ConversationExport.currentVersion else {
            throw StoreError(
                kind: .newerVersion,
                message: "\(file) uses export format version \(version), written by a newer Ponder; this version "
                    + "reads up to version \(ConversationExport.currentVersion). Update Ponder to import it.")
        }
        let export = try decode(Data(document.serializedBytes), file: file)
        return ImportedConversation(export: export, file: file)
    }

    private static func decode(_ data: Data, file: String) throws -> ConversationExport {
        do {
            return try JSONDecoder().decode(ConversationExport.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw invalid(file, "the field \"\(key.stringValue)\" is missing", at: context.codingPath)
        } catch let DecodingError.typeMismatch(_, context) {
            throw invalid(file, context.debugDescription, at: context.codingPath)
        } catch let DecodingError.valueNotFound(_, context) {
            throw invalid(file, context.debugDescription, at: context.codingPath)
        } catch let DecodingError.dataCorrupted(context) {
            throw invalid(file, context.debugDescription, at: context.codingPath)
        } catch {
            throw StoreError(kind: .invalidData, message: "The conversation export \(file) cannot be read: \(error).")
        }
    }

    private static func invalid(_ file: String, _ problem: String, at path: [any CodingKey]) -> StoreError {
        let location = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return StoreError(
            kind: .invalidData,
            message: "The conversation export \(file) is invalid at "
                + "\(location.isEmpty ? "the top level" : location): \(problem).")
    }
}

extension ImportedConversation {
    /// A Ponder export as a plan entry: every field kept, ids as source ids; a message exported while
    /// it was still streaming comes in as interrupted.
    init(export: ConversationExport, file: String) {
        let (header, messages) = export.model()
        self.init(
            sourceID: header.id.rawValue, title: header.title, createdAt: header.createdAt, updatedAt: header.updatedAt,
            pinned: header.pinned, archived: header.archived, provider: header.provider, model: header.model,
            systemPrompt: header.systemPrompt, effort: header.effort, maxOutputTokens: header.maxOutputTokens,
            messages: messages.map { message in
                ImportedMessage(
                    sourceID: message.id.rawValue, parentSourceID: message.parentID?.rawValue, role: message.role,
                    reasoning: message.reasoning, answer: message.answer,
                    status: message.status == .streaming ? .interrupted : message.status, errorText: message.errorText,
                    provider: message.provider, model: message.model, usage: message.usage, timings: message.timings,
                    reasoningFolded: message.reasoningFolded, finishReason: message.finishReason,
                    providerReasoning: message.providerReasoning, createdAt: message.createdAt)
            }, file: file)
    }
}
