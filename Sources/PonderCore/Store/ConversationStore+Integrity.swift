import Foundation
import GRDB

extension ConversationStore {
    /// SQLite's `PRAGMA integrity_check` (every page, every index): empty when the database is
    /// sound, else its findings, at most `limit` of them.
    public func integrityProblems(limit: Int = 100) throws -> [String] {
        try read { db in
            let findings = try String.fetchAll(db, sql: "PRAGMA integrity_check(\(limit))")
            return findings == ["ok"] ? [] : findings
        }
    }
}
