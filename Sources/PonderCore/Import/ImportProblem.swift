/// A record that was skipped or repaired, named so that the user can find it in the file.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file the record is in.
    public var file: String
    /// The record: "conversation “Title” (id)", "message id in conversation …", "item 3".
    public var record: String
    /// What was wrong, and what was done about it.
    public var reason: String
    /// True when the record was left out; false when it was imported after a repair.
    public var skipped: Bool

    public init(file: String, record: String, reason: String, skipped: Bool = true) {
        self.file = file
        self.record = record
        self.reason = reason
        self.skipped = skipped
    }

    public var description: String { "\(file): \(record): \(reason)" }
}
