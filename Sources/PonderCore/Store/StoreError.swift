import Foundation

/// Why the conversation store could not do what was asked, with a message that names the file
/// and says what the user can do about it.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Hashable, Sendable {
        /// The file or its directory cannot be opened, read or written (permissions, not a file).
        case unreadable
        /// The database can be read but not written (a read-only file, directory or file system).
        case readOnly
        /// The file is not an SQLite database, or SQLite found it damaged.
        case corrupt
        /// The database was written by a newer Ponder; this version refuses to touch it.
        case newerVersion
        /// The disk (or the database's size limit) is full; nothing in memory was lost.
        case diskFull
        /// Another process held the database for longer than the busy timeout.
        case busy
        /// Input that cannot be stored or imported: unknown ids, a malformed export file.
        case invalidData
        /// Any other SQLite or file-system failure.
        case other
    }

    public var kind: Kind
    /// One or two sentences for the user: what happened, to which file, and what to do.
    public var message: String
    /// The database file concerned, when there is one (nil for in-memory stores and imports).
    public var file: URL?

    public init(kind: Kind, message: String, file: URL? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
    }

    public var description: String { message }
}
