import Foundation
import GRDB

/// What `ConversationStore.repair(at:)` found and did.
public struct StoreRepairReport: Equatable, Sendable {
    /// SQLite's integrity-check findings (or why the file could not be checked); empty when healthy.
    public var problems: [String] = []
    public var conversationsRecovered = 0
    public var messagesRecovered = 0
    /// Rows in damaged pages that could not be read.
    public var conversationsLost = 0
    public var messagesLost = 0
    /// Whether the lost counts are estimates (counted by key where no index could be read).
    public var lostCountsEstimated = false
    /// Tables the damaged file's schema no longer names (or all, when it could not be opened).
    public var tablesNotFound: [String] = []
    /// Where the damaged file was kept; nil when the database was healthy.
    public var damagedFile: URL?

    public var isHealthy: Bool { problems.isEmpty }
}

extension ConversationStore {
    /// Checks the database at `url` with `PRAGMA integrity_check`. When it is damaged, copies every
    /// row that can still be read into a new database, moves the damaged file aside (with its
    /// `-wal` and `-shm`, renamed `…corrupt-<time>`; nothing is deleted) and puts the new one in its
    /// place. A file that cannot be opened for another reason than damage is left as it is and the
    /// reason thrown. Nothing must be using the database meanwhile.
    public static func repair(at url: URL, now: Date = Date()) throws -> StoreRepairReport {
        let url = url.standardizedFileURL
        var report = StoreRepairReport(problems: integrityProblems(of: url))
        guard !report.problems.isEmpty else { return report }
        let salvage: StoreSalvage
        do {
            salvage = try StoreSalvage.read(url)
        } catch {
            // Not a database any more (its first page is damaged): nothing can be read from it. Any
            // other failure to open it (permissions, a busy or missing file) is no damage to repair.
            let failure = StoreError.translating(error, file: url)
            guard failure.kind == .corrupt else { throw failure }
            salvage = StoreSalvage(tablesNotFound: StoreSalvage.requiredTables)
        }
        let rebuilt = URL(fileURLWithPath: url.path + ".repairing")
        for suffix in ["", "-wal", "-shm", "-reserve"] { unlink(rebuilt.path + suffix) }
        do {
            let store = try ConversationStore.open(at: rebuilt)
            try store.insertSalvaged(salvage)
            try store.checkpoint()
            try store.closeConnections()
        } catch {
            throw StoreError(
                kind: .other,
                message: "Could not write the repaired database \(rebuilt.path): \(error). The damaged "
                    + "database was not touched.",
                file: url)
        }
        report.damagedFile = try moveAside(url, now: now)
        for suffix in ["", "-wal", "-shm", "-reserve"]
        where FileManager.default.fileExists(atPath: rebuilt.path + suffix) {
            try FileManager.default.moveItem(atPath: rebuilt.path + suffix, toPath: url.path + suffix)
        }
        report.conversationsRecovered = salvage.conversations.count
        report.messagesRecovered = salvage.messages.count
        report.conversationsLost = salvage.lostConversations
        report.messagesLost = salvage.lostMessages
        report.lostCountsEstimated = salvage.lostCountedByKey
        report.tablesNotFound = salvage.tablesNotFound
        return report
    }

    /// The integrity check of the file at `url`, opened read-only; a file that cannot even be opened
    /// or read is one problem that says why.
    static func integrityProblems(of url: URL) -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        var findings: [String] = []
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                // Row by row: a check that stops on a page it cannot read keeps what it found before.
                let rows = try String.fetchCursor(db, sql: "PRAGMA integrity_check(100)")
                while let finding = try rows.next() { findings.append(finding) }
            }
        } catch let error as DatabaseError {
            findings.append(error.message ?? "SQLite error \(error.resultCode.rawValue)")
        } catch {
            findings.append("\(error)")
        }
        return findings == ["ok"] ? [] : findings
    }

    /// Writes salvaged rows into this (new, empty) store in one transaction. Messages whose
    /// conversation was lost get one again, titled from their first prompt.
    private func insertSalvaged(_ salvage: StoreSalvage) throws {
        try write { db in
            var known = Set<ConversationID>()
            for conversation in salvage.conversations where known.insert(conversation.id).inserted {
                try conversation.upsert(db)
            }
            let orphans = Dictionary(grouping: salvage.messages.filter { !known.contains($0.conversationID) }) {
                $0.conversationID
            }
            for (id, messages) in orphans {
                let first = messages.min { $0.createdAt < $1.createdAt }
                let prompt = messages.first { $0.role == .user }?.answer.split(whereSeparator: \.isNewline).first
                try Conversation(
                    id: id, title: "Recovered: " + (prompt.map { String($0.prefix(60)) } ?? "messages"),
                    createdAt: first?.createdAt ?? Date()
                ).upsert(db)
            }
            for message in salvage.messages { try message.upsert(db, writer: nil) }
        }
    }

    /// Closes the database connections (before the file is moved).
    func closeConnections() throws {
        if let pool = database as? DatabasePool { try pool.close() }
        if let queue = database as? DatabaseQueue { try queue.close() }
    }
}
