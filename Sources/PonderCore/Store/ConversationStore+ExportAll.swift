import Foundation
import GRDB

extension ConversationStore {
    /// Every conversation, archived ones included, oldest first (the order an export of everything
    /// is written in, so that importing it back recreates the history in order).
    public func allConversationIDs() throws -> [ConversationID] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM conversations ORDER BY created_at, seq").map(
                ConversationID.init)
        }
    }

    /// Calls `body` with each conversation's export, oldest first, reading a batch of conversations
    /// at a time so that exporting a large history holds neither the whole history in memory nor
    /// a read transaction for long.
    public func forEachExport(
        exportedAt: Date = Date(), batchSize: Int = 200, _ body: (ExportedConversationFile) throws -> Void
    ) throws {
        let ids = try allConversationIDs()
        for start in stride(from: 0, to: ids.count, by: max(1, batchSize)) {
            let batch = ids[start..<min(ids.count, start + max(1, batchSize))]
            let exports = try read { db in
                try batch.compactMap { id -> ConversationExport? in
                    guard let conversation = try Self.fetchConversation(db, id) else { return nil }
                    return ConversationExport(
                        conversation: conversation, messages: try Self.fetchMessages(db, id), exportedAt: exportedAt)
                }
            }
            for export in exports { try body(ExportedConversationFile(export: export)) }
        }
    }
}

/// One conversation of an export of everything, in the forms it can be written in.
public struct ExportedConversationFile {
    let export: ConversationExport

    public var id: String { export.conversation.id }

    /// "2025-06-01-actor-reentrancy-5b0e2a9c": the day it began (UTC), up to six words of the title,
    /// and the id's first eight characters (the whole id is in the file).
    public var fileStem: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents(
            [.year, .month, .day], from: Date(timeIntervalSince1970: export.conversation.createdAt))
        let date = String(format: "%04d-%02d-%02d", day.year ?? 1970, day.month ?? 1, day.day ?? 1)
        let words = export.conversation.title.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(6)
        let slug = String(words.joined(separator: "-").prefix(48))
        return [date, slug, String(id.prefix(8))].filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// The JSON export, pretty-printed as `exportJSON` writes it.
    public func jsonDocument() throws -> Data { try encode([.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) }

    /// The JSON export on one line (for JSON-lines streams), without the final newline.
    public func jsonLine() throws -> Data { try encode([.sortedKeys, .withoutEscapingSlashes]) }

    /// The Markdown export.
    public func markdown() -> String {
        let (conversation, messages) = export.model()
        return MarkdownExport.render(conversation: conversation, messages: messages)
    }

    private func encode(_ formatting: JSONEncoder.OutputFormatting) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        do {
            return try encoder.encode(export)
        } catch {
            throw StoreError(kind: .other, message: "Could not encode conversation \(id) as JSON: \(error)")
        }
    }
}
