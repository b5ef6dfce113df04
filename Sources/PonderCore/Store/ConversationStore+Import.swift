import Foundation
import GRDB

extension ConversationStore {
    /// Conversations written per transaction: large enough that a commit's cost is shared by many
    /// conversations, small enough that other processes are never kept waiting for long.
    public static let importBatchSize = 250

    /// Stores what the plan holds that the store does not have yet, one transaction per batch of
    /// conversations, and reports it (with `dryRun`, only reports it: nothing is written).
    /// A conversation imported before (by its source and source id, or for Ponder's own exports
    /// by its id) is not imported again; messages added to it in the other client since are added.
    /// Nothing already stored is rewritten, except that a conversation that gained messages gets
    /// the newest one's time as its last change. Imported text lands in the full-text index at once.
    public func importPlan(
        _ plan: ImportPlan, dryRun: Bool = false, batchSize: Int = importBatchSize,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        if !dryRun { try setImportCache(enabled: true) }
        defer { if !dryRun { try? setImportCache(enabled: false) } }
        var report = ImportReport()
        let started = Date()
        let total = plan.conversations.count
        var done = 0
        for batch in stride(from: 0, to: total, by: max(1, batchSize)) {
            let slice = plan.conversations[batch..<min(total, batch + max(1, batchSize))]
            let work: (Database) throws -> ImportReport = { db in
                var batchReport = ImportReport()
                for conversation in slice {
                    try Self.importConversation(conversation, source: plan.source, dryRun: dryRun, db, &batchReport)
                }
                return batchReport
            }
            let batchReport =
                try dryRun ? read(work) : write { db in try StoreSchema.withBulkMessageIndexing(db) { try work(db) } }
            report.add(batchReport)
            done += slice.count
            progress?(ImportProgress(done: done, total: total, elapsed: Date().timeIntervalSince(started)))
        }
        return report
    }

    /// Pages the writer keeps in memory while importing, in KiB. With SQLite's default of 2 MB a
    /// batch's index pages spill to the log and are written there again and again.
    static let importCacheKiB = 131_072

    /// A larger page cache on the writer connection for the import, and SQLite's default again after.
    private func setImportCache(enabled: Bool) throws {
        do {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = \(enabled ? -Self.importCacheKiB : -2000)")
            }
        } catch {
            throw StoreError.translating(error, file: fileURL)
        }
    }

    private static func importConversation(
        _ conversation: ImportedConversation, source: ImportSource, dryRun: Bool, _ db: Database,
        _ report: inout ImportReport
    ) throws {
        let keepsIDs = source == .ponder
        var target = try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT conversation_id FROM import_origins
                    WHERE source = ? AND conversation_source_id = ? AND message_source_id = ''
                    """),
            arguments: [source.rawValue, conversation.sourceID]
        ).map(ConversationID.init)
        if target == nil, keepsIDs, try exists(db, "conversations", conversation.sourceID) {
            target = ConversationID(conversation.sourceID)
        }
        let isNew = target == nil
        let conversationID: ConversationID
        if let target {
            conversationID = target
        } else if keepsIDs, UUID(uuidString: conversation.sourceID) != nil {
            conversationID = ConversationID(conversation.sourceID.lowercased())
        } else {
            conversationID = .make()
        }
        if isNew, !dryRun {
            let header = Conversation(
                id: conversationID,
                title: Sanitizer.sanitizeLine(conversation.title).trimmingCharacters(in: .whitespaces),
                createdAt: conversation.createdAt,
                updatedAt: conversation.messages.map(\.createdAt).reduce(conversation.updatedAt, max),
                pinned: conversation.pinned, archived: conversation.archived, provider: conversation.provider,
                model: conversation.model, systemPrompt: conversation.systemPrompt, effort: conversation.effort,
                maxOutputTokens: conversation.maxOutputTokens)
            try header.upsert(db)
            if !keepsIDs || conversationID.rawValue != conversation.sourceID {
                try recordOrigin(db, source, conversation.sourceID, "", conversationID, nil)
            }
        }
        var stored: [String: MessageID] = [:]
        var added = 0
        var newest: Date?
        for imported in conversation.messages {
            if !isNew, let existing = try storedMessage(db, imported, in: conversation, source: source, conversationID)
            {
                stored[imported.sourceID] = existing
                continue
            }
            added += 1
            if !imported.reasoning.isEmpty { report.newReasoning += 1 }
            newest = max(newest ?? imported.createdAt, imported.createdAt)
            guard !dryRun else { continue }
            var id = MessageID.make()
            if keepsIDs, UUID(uuidString: imported.sourceID) != nil, try !exists(db, "messages", imported.sourceID) {
                id = MessageID(imported.sourceID.lowercased())
            }
            stored[imported.sourceID] = id
            let message = Message(
                id: id, conversationID: conversationID, parentID: imported.parentSourceID.flatMap { stored[$0] },
                role: imported.role, reasoning: imported.reasoning, answer: imported.answer,
                status: imported.status == .streaming ? .interrupted : imported.status, errorText: imported.errorText,
                provider: imported.provider, model: imported.model, usage: imported.usage, timings: imported.timings,
                reasoningFolded: imported.reasoningFolded, createdAt: imported.createdAt,
                finishReason: imported.finishReason, providerReasoning: imported.providerReasoning)
            try message.upsert(db, writer: nil)
            if !keepsIDs || id.rawValue != imported.sourceID {
                try recordOrigin(db, source, conversation.sourceID, imported.sourceID, conversationID, id)
            }
        }
        report.newMessages += added
        if isNew {
            report.newConversations += 1
            if !dryRun { report.conversationIDs.append(conversationID) }
        } else if added > 0 {
            report.grownConversations += 1
            if !dryRun { report.conversationIDs.append(conversationID) }
            if !dryRun, let newest {
                try db.execute(
                    sql: "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?",
                    arguments: [StoredDate.value(newest), conversationID.rawValue])
            }
        } else {
            report.alreadyHere += 1
        }
    }

    /// The stored copy of an imported message in an already imported conversation, if there is one.
    private static func storedMessage(
        _ db: Database, _ message: ImportedMessage, in conversation: ImportedConversation, source: ImportSource,
        _ conversationID: ConversationID
    ) throws -> MessageID? {
        if let id = try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT message_id FROM import_origins
                    WHERE source = ? AND conversation_source_id = ? AND message_source_id = ?
                    """),
            arguments: [source.rawValue, conversation.sourceID, message.sourceID])
        {
            return MessageID(id)
        }
        guard source == .ponder else { return nil }
        let here = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?)"),
            arguments: [message.sourceID, conversationID.rawValue])
        return here == true ? MessageID(message.sourceID) : nil
    }

    private static func exists(_ db: Database, _ table: String, _ id: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) == true
    }

    private static func recordOrigin(
        _ db: Database, _ source: ImportSource, _ conversationSourceID: String, _ messageSourceID: String,
        _ conversationID: ConversationID, _ messageID: MessageID?
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO import_origins
                    (source, conversation_source_id, message_source_id, conversation_id, message_id)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            source.rawValue, conversationSourceID, messageSourceID, conversationID.rawValue, messageID?.rawValue,
        ])
    }
}

extension ImportReport {
    mutating func add(_ other: ImportReport) {
        newConversations += other.newConversations
        grownConversations += other.grownConversations
        alreadyHere += other.alreadyHere
        newMessages += other.newMessages
        newReasoning += other.newReasoning
        conversationIDs += other.conversationIDs
    }
}
