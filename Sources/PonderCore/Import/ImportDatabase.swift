import Foundation
import GRDB

/// Opening another client's SQLite file for reading only, with messages that name the file.
enum ImportDatabase {
    /// A read-only connection to `url`, after checking that it is an SQLite file with `tables`.
    static func open(_ url: URL, file: String, source: ImportSource, needsAnyOf tables: [String]) throws
        -> DatabaseQueue
    {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw StoreError(kind: .unreadable, message: "Cannot read \(file).")
        }
        let header = (try? FileHandle(forReadingFrom: url).read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError(
                kind: .invalidData,
                message: "\(file) is not an SQLite database, so it is not \(source.displayName)'s store"
                    + (header.isEmpty ? " (the file is empty)" : "") + ". Nothing was imported.")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "ponder-import"
        let queue: DatabaseQueue
        let names: Set<String>
        do {
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
            names = try queue.read { db in
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            }
        } catch {
            throw StoreError(
                kind: .invalidData,
                message:
                    "\(file) cannot be read as an SQLite database: \(databaseMessage(error)). Nothing was imported.")
        }
        guard tables.contains(where: names.contains) else {
            let hint =
                names.contains("threads") || names.contains("responses")
                ? "; it looks like llm's logs.db: use --from llm"
                : names.contains("chat") && names.contains("message")
                    ? "; it looks like oterm's store.db: use --from oterm" : ""
            throw StoreError(
                kind: .invalidData,
                message: "\(file) is an SQLite database without \(source.displayName)'s tables (expected "
                    + tables.joined(separator: " or ") + ")\(hint). Nothing was imported.")
        }
        return queue
    }

    static func columns(_ db: Database, _ table: String) throws -> Set<String> {
        Set(try db.columns(in: table).map(\.name))
    }

    static func databaseMessage(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// Wraps a failure while reading rows into a message naming the file.
    static func failure(_ error: any Error, file: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError(
            kind: .invalidData,
            message: "\(file) could not be read (\(databaseMessage(error))); the database may be damaged. "
                + "Nothing was imported.")
    }
}

/// Reading columns of another client's file without trusting their types: GRDB's typed subscripts
/// stop the process on a value they cannot convert (a blob where text was expected), and a damaged
/// or hand-edited file may hold anything.
extension Row {
    /// Text as it is, a number written out, a blob read as UTF-8; nil for NULL or a missing column.
    func importText(_ column: String) -> String? {
        guard let value: DatabaseValue = self[column] else { return nil }
        switch value.storage {
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .null: return nil
        }
    }

    /// Text, or nil when it is empty.
    func importNonEmptyText(_ column: String) -> String? {
        importText(column).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A whole number from an integer, a whole real or numeric text; nil otherwise.
    func importInteger(_ column: String) -> Int64? {
        guard let value: DatabaseValue = self[column] else { return nil }
        switch value.storage {
        case .int64(let number): return number
        case .double(let number):
            return number.isFinite && number == number.rounded() && abs(number) < 9e18 ? Int64(number) : nil
        case .string(let text): return Int64(text.trimmingCharacters(in: .whitespaces))
        case .blob, .null: return nil
        }
    }

    /// A number from an integer, a real or numeric text; nil otherwise.
    func importNumber(_ column: String) -> Double? {
        guard let value: DatabaseValue = self[column] else { return nil }
        switch value.storage {
        case .int64(let number): return Double(number)
        case .double(let number): return number.isFinite ? number : nil
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        case .blob, .null: return nil
        }
    }
}
