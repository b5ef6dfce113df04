import Foundation
import GRDB

extension StoreError {
    /// Translates an SQLite or file-system error into a `StoreError` that names `file`.
    static func translating(_ error: any Error, file: URL?) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        let name = file.map { "the conversation database \($0.path)" } ?? "the in-memory conversation database"
        guard let databaseError = error as? DatabaseError else {
            return StoreError(kind: .other, message: "Could not use \(name): \(error.localizedDescription)", file: file)
        }
        let detail = databaseError.message ?? "SQLite error \(databaseError.resultCode.rawValue)"
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(
                kind: .corrupt,
                message: "\(name.prefix(1).uppercased() + name.dropFirst()) is damaged or is not a Ponder database "
                    + "(\(detail)). Run `ponder db repair` to save what can be read into a new database; "
                    + "nothing was changed or deleted.",
                file: file)
        case .SQLITE_READONLY:
            return StoreError(
                kind: .readOnly,
                message: "Cannot write \(name): it, its directory or its file system is read-only (\(detail)). "
                    + "Reading still works; make them writable to save.",
                file: file)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_IOERR:
            return StoreError(
                kind: .unreadable,
                message: "Cannot open or write \(name) (\(detail)). Check that it is a regular file you own "
                    + "and that its directory is writable.",
                file: file)
        case .SQLITE_FULL:
            return StoreError(
                kind: .diskFull,
                message: "The disk holding \(name) is full (\(detail)). Nothing shown on screen is lost; "
                    + "Ponder retries the write at the next save. Free some space.",
                file: file)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                kind: .busy,
                message: "Another program kept \(name) locked for too long (\(detail)). Try again.",
                file: file)
        case .SQLITE_CONSTRAINT:
            return StoreError(
                kind: .invalidData, message: "Refused to store invalid data in \(name): \(detail).", file: file)
        default:
            return StoreError(kind: .other, message: "SQLite failed on \(name): \(detail).", file: file)
        }
    }
}
