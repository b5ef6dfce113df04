import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Conversations and messages in one SQLite database (WAL mode, so that several Ponder processes
/// can share it). Every method is synchronous and thread-safe; call it off the UI thread when the
/// work may be large. All failures are `StoreError`s that name the file.
public final class ConversationStore: Sendable {
    /// How long a write waits for another process's write to finish before giving up.
    static let busyTimeout: TimeInterval = 15

    let database: any DatabaseWriter
    /// The database file, or nil for an in-memory store.
    public let fileURL: URL?

    private init(database: any DatabaseWriter, fileURL: URL?) {
        self.database = database
        self.fileURL = fileURL
    }

    /// Opens (creating if needed) the store at `$XDG_DATA_HOME/ponder/ponder.sqlite`.
    public static func openDefault(paths: XDGPaths = XDGPaths()) throws -> ConversationStore {
        try open(at: paths.databaseFile)
    }

    /// Opens (creating if needed) the store at `url` and brings its schema up to date. The
    /// directory is created with mode 0700 and the file kept at 0600. Throws a `StoreError` for an
    /// unreadable or corrupt file and for a file written by a newer Ponder (which is left untouched).
    public static func open(at url: URL) throws -> ConversationStore {
        let url = url.standardizedFileURL
        try prepareFile(at: url)
        let lock = OpeningLock(url)
        defer { lock.release() }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: url.path, configuration: configuration())
        } catch {
            throw StoreError.translating(error, file: url)
        }
        let store = ConversationStore(database: pool, fileURL: url)
        try store.migrate()
        store.keepReserve()
        return store
    }

    /// An exclusive `flock` on the database's directory, held while a process opens the store: switching
    /// a fresh file to WAL fails at once (no busy wait) when another process is doing the same, and each
    /// migration is its own transaction, so two processes opening a fresh file must not interleave. The
    /// directory, not the file: closing any descriptor of the database file would drop the `fcntl` locks
    /// SQLite holds on it in this process (a POSIX rule), and writes were lost that way. Costs an `open`
    /// and a `flock` when nobody else is opening the store.
    private struct OpeningLock {
        let descriptor: Int32

        init(_ url: URL) {
            descriptor = Glibc.open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }

        func release() {
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// A private store that lives in memory (tests, `--no-history`).
    public static func inMemory() throws -> ConversationStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            let store = ConversationStore(database: queue, fileURL: nil)
            try store.migrate()
            return store
        } catch {
            throw StoreError.translating(error, file: nil)
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "ponder-store"
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL survives any process crash; only a power cut can lose the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// Creates the directory (0700) and an empty file (0600) before SQLite sees them, so that the
    /// database, its `-wal` and its `-shm` are private to the user from the first byte.
    private static func prepareFile(at url: URL) throws {
        let fileManager = FileManager.default
        let directory = url.deletingLastPathComponent()
        do {
            var isDirectory: ObjCBool = false
            if !fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
                try fileManager.createDirectory(
                    at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    throw StoreError(
                        kind: .unreadable,
                        message: "Cannot open the conversation database \(url.path): it is a directory, not a file. "
                            + "Move it away or point XDG_DATA_HOME elsewhere.",
                        file: url)
                }
                try? fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            } else if !createEmptyPrivateFile(at: url) {
                throw StoreError(
                    kind: .unreadable,
                    message: "Cannot create the conversation database \(url.path). Check that \(directory.path) "
                        + "is a directory you can write to.",
                    file: url)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                kind: .unreadable,
                message: "Cannot prepare the conversation database \(url.path): \(error.localizedDescription)",
                file: url)
        }
    }

    /// Creates the file with mode 0600 unless it exists (another process may create it at the same
    /// moment: `O_EXCL` makes sure nobody replaces a file already in use). True if the file exists now.
    private static func createEmptyPrivateFile(at url: URL) -> Bool {
        // Named through its module: inside this type `open` is the store's own `open(at:)`.
        #if canImport(Glibc)
            let descriptor = Glibc.open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        #else
            let descriptor = Darwin.open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        #endif
        if descriptor >= 0 {
            close(descriptor)
            return true
        }
        return errno == EEXIST
    }

    /// Refuses files from a newer Ponder, then applies missing migrations. Two processes opening a
    /// fresh file at once may race on a migration; the loser retries and finds it applied.
    private func migrate() throws {
        let migrator = StoreSchema.migrator
        var attempt = 0
        while true {
            do {
                // On the writer connection, which every command needs anyway: opening a reader
                // connection just for this check would cost a second open of the file.
                let (superseded, complete) = try database.writeWithoutTransaction { db in
                    (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
                }
                if superseded {
                    let known = Set(migrator.migrations)
                    let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
                    let unknown = applied.subtracting(known).sorted().joined(separator: ", ")
                    throw StoreError(
                        kind: .newerVersion,
                        message: "The conversation database \(fileURL?.path ?? "in memory") was written by a newer "
                            + "version of Ponder (schema \(unknown)). This version will not touch it: update Ponder, "
                            + "or set XDG_DATA_HOME to use another database.",
                        file: fileURL)
                }
                if !complete { try migrator.migrate(database) }
                return
            } catch let error as StoreError {
                throw error
            } catch {
                let translated = StoreError.translating(error, file: fileURL)
                attempt += 1
                if translated.kind == .corrupt || translated.kind == .unreadable || attempt >= 3 {
                    throw translated
                }
            }
        }
    }

    // MARK: - Database access with translated errors

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch {
            throw StoreError.translating(error, file: fileURL)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch {
            throw StoreError.translating(error, file: fileURL)
        }
    }

    /// Folds the write-ahead log back into the database file and truncates it (at exit, or before
    /// copying the file). Other processes' readers may make it a partial checkpoint; that is fine.
    public func checkpoint() throws {
        guard fileURL != nil else { return }
        do {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw StoreError.translating(error, file: fileURL)
        }
    }

    /// Like `checkpoint()`, but returns at once instead of waiting when another process is busy with
    /// the store (its own exit or a later checkpoint folds the log back then), and starts the new log
    /// with one small commit. For short-lived commands before they exit: SQLite would checkpoint when
    /// the last connection closes, but the process ends first, and the next process to open the store
    /// must read the whole log left behind. The first commit into an emptied log syncs its header to
    /// disk; making it here keeps that sync out of the next command's start-up.
    public func checkpointUnlessBusy() throws {
        guard fileURL != nil else { return }
        do {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
                let blocked = try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") ?? 1
                if blocked == 0 {
                    // A no-op update writes nothing; recording when the log was folded back does.
                    try db.execute(
                        sql: """
                            INSERT INTO store_meta (key, value) VALUES ('checkpointed_at', ?)
                            ON CONFLICT(key) DO UPDATE SET value = excluded.value
                            """,
                        arguments: [Int64(Date().timeIntervalSince1970 * 1000)])
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            return
        } catch {
            throw StoreError.translating(error, file: fileURL)
        }
    }

    /// A number that changes whenever any process commits a change to the store: poll it (it is a
    /// single-row read) and refresh the screen when it differs from the last value seen.
    public func changeCounter() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'changes'") ?? 0 }
    }
}
