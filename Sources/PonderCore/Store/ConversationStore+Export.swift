import Foundation
import GRDB

extension ConversationStore {
    /// The conversation as Markdown: a header with its details, then each message with its timings
    /// and token usage, the reasoning folded into a `<details>` block.
    public func exportMarkdown(_ id: ConversationID) throws -> String {
        let (conversation, messages) = try load(id)
        return MarkdownExport.render(conversation: conversation, messages: messages)
    }

    /// The conversation in the versioned JSON format of docs/export-format.md (UTF-8, keys sorted).
    /// Given `traceMarkers`, each answer with reasoning also carries its `trace` (steps,
    /// reflection points and figures, derived from the reasoning with those markers).
    public func exportJSON(
        _ id: ConversationID, exportedAt: Date = Date(), traceMarkers: TraceMarkers? = nil
    ) throws -> Data {
        let (conversation, messages) = try load(id)
        var export = ConversationExport(conversation: conversation, messages: messages, exportedAt: exportedAt)
        if let traceMarkers {
            for (index, message) in messages.enumerated() where message.role == .assistant && !message.reasoning.isEmpty
            {
                export.messages[index].trace = ExportedTrace(message: message, markers: traceMarkers)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(export)
        } catch {
            throw StoreError(kind: .other, message: "Could not encode conversation \(id) as JSON: \(error)")
        }
    }

    /// Imports a JSON export and returns the id it was stored under: the exported ids are kept
    /// unless the store already holds them, in which case the conversation (and every message
    /// whose id is taken) gets a fresh id, with parent links remapped. Messages exported while
    /// still streaming are imported as interrupted.
    public func importJSON(_ data: Data) throws -> ConversationID {
        let export = try Self.decodeExport(data)
        let (original, originalMessages) = export.model()
        return try write { db in
            var conversation = original
            let conversationTaken = try Self.fetchConversation(db, original.id) != nil
            if conversationTaken { conversation.id = .make() }
            var remapped: [MessageID: MessageID] = [:]
            for message in originalMessages {
                let taken = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM messages WHERE id = ?)", arguments: [message.id.rawValue])
                if conversationTaken || taken == true { remapped[message.id] = .make() }
            }
            try conversation.upsert(db)
            for var message in originalMessages {
                message.id = remapped[message.id] ?? message.id
                message.parentID = message.parentID.map { remapped[$0] ?? $0 }
                message.conversationID = conversation.id
                if message.status == .streaming { message.status = .interrupted }
                try message.upsert(db, writer: nil)
            }
            return conversation.id
        }
    }

    private static func decodeExport(_ data: Data) throws -> ConversationExport {
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw StoreError(
                kind: .invalidData, message: "The file is not JSON, so it is not a Ponder conversation export.")
        }
        guard header.format == ConversationExport.formatName, let version = header.version else {
            throw StoreError(
                kind: .invalidData,
                message: "The JSON is not a Ponder conversation export (expected \"format\": "
                    + "\"\(ConversationExport.formatName)\" and a \"version\").")
        }
        guard version <= ConversationExport.currentVersion else {
            throw StoreError(
                kind: .newerVersion,
                message: "The export uses format version \(version), written by a newer Ponder; this version reads "
                    + "up to version \(ConversationExport.currentVersion). Update Ponder to import it.")
        }
        do {
            return try JSONDecoder().decode(ConversationExport.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw invalidExport("the field \"\(key.stringValue)\" is missing", at: context.codingPath)
        } catch let DecodingError.typeMismatch(_, context) {
            throw invalidExport(context.debugDescription, at: context.codingPath)
        } catch let DecodingError.valueNotFound(_, context) {
            throw invalidExport(context.debugDescription, at: context.codingPath)
        } catch let DecodingError.dataCorrupted(context) {
            throw invalidExport(context.debugDescription, at: context.codingPath)
        } catch {
            throw StoreError(kind: .invalidData, message: "The conversation export cannot be read: \(error).")
        }
    }

    private static func invalidExport(_ problem: String, at path: [any CodingKey]) -> StoreError {
        let location = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return StoreError(
            kind: .invalidData,
            message: "The conversation export is invalid at \(location.isEmpty ? "the top level" : location): "
                + "\(problem). Nothing was imported.")
    }

    private func load(_ id: ConversationID) throws -> (Conversation, [Message]) {
        try read { db in
            guard let conversation = try Self.fetchConversation(db, id) else { throw Self.unknownConversation(id) }
            return (conversation, try Self.fetchMessages(db, id))
        }
    }
}
