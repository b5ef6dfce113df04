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

    /// Imports a JSON export (see `PonderExportParser` for what is accepted) and returns the id of
    /// its first conversation in this store. The exported ids are kept unless the store already
    /// holds them; a conversation that is already here is not imported again (only messages it
    /// lacks are added). Messages exported while still streaming are imported as interrupted.
    public func importJSON(_ data: Data) throws -> ConversationID {
        let plan = try PonderExportParser.plan(data, file: "The conversation export")
        guard let first = plan.conversations.first else {
            throw StoreError(
                kind: .invalidData,
                message: plan.problems.first.map(\.description) ?? "The conversation export holds no conversation.")
        }
        let report = try importPlan(plan)
        if let id = report.conversationIDs.first { return id }
        return try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT conversation_id FROM import_origins
                    WHERE source = 'ponder' AND conversation_source_id = ? AND message_source_id = ''
                    """, arguments: [first.sourceID]
            ).map(ConversationID.init) ?? ConversationID(first.sourceID)
        }
    }

    private func load(_ id: ConversationID) throws -> (Conversation, [Message]) {
        try read { db in
            guard let conversation = try Self.fetchConversation(db, id) else { throw Self.unknownConversation(id) }
            return (conversation, try Self.fetchMessages(db, id))
        }
    }
}
