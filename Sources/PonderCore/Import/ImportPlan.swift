/// What a source file holds, ready to be stored: its conversations (each with its source id) and
/// the records that were damaged (skipped, or repaired and kept). Parsers build plans without
/// touching the store, so a plan is also what `--dry-run` reports.
public struct ImportPlan: Equatable, Sendable {
    public var source: ImportSource
    /// The file or directory that was read, as the user named it.
    public var file: String
    public var conversations: [ImportedConversation]
    public var problems: [ImportProblem]

    public init(
        source: ImportSource, file: String, conversations: [ImportedConversation] = [], problems: [ImportProblem] = []
    ) {
        self.source = source
        self.file = file
        self.conversations = conversations
        self.problems = problems
    }

    public var messageCount: Int { conversations.reduce(0) { $0 + $1.messages.count } }
    public var reasoningCount: Int { conversations.reduce(0) { $0 + $1.reasoningCount } }
    /// Records left out of the import.
    public var skippedCount: Int { problems.filter(\.skipped).count }

    /// Adds another file's plan (directory imports).
    public mutating func append(_ other: ImportPlan) {
        conversations += other.conversations
        problems += other.problems
    }
}
