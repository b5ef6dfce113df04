import Foundation

/// One conversation as a source file has it: header fields, the source's id, and every message
/// (all branches), parents before children once the plan is checked.
public struct ImportedConversation: Equatable, Sendable {
    public var sourceID: String
    public var title: String
    public var createdAt: Date
    public var updatedAt: Date
    public var pinned: Bool
    public var archived: Bool
    public var provider: String?
    public var model: String?
    public var systemPrompt: String?
    /// The thinking level and answer budget the conversation chose (Ponder exports only).
    public var effort: ThinkingEffort?
    public var maxOutputTokens: Int?
    public var messages: [ImportedMessage]
    /// The file it was read from (a directory import reads many).
    public var file: String

    public init(
        sourceID: String,
        title: String,
        createdAt: Date,
        updatedAt: Date? = nil,
        pinned: Bool = false,
        archived: Bool = false,
        provider: String? = nil,
        model: String? = nil,
        systemPrompt: String? = nil,
        effort: ThinkingEffort? = nil,
        maxOutputTokens: Int? = nil,
        messages: [ImportedMessage] = [],
        file: String
    ) {
        self.sourceID = sourceID
        self.title = title
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.pinned = pinned
        self.archived = archived
        self.provider = provider
        self.model = model
        self.systemPrompt = systemPrompt
        self.effort = effort
        self.maxOutputTokens = maxOutputTokens
        self.messages = messages
        self.file = file
    }

    /// How the conversation is named in messages: its title (on one line) and its source id.
    public var recordName: String {
        let title = Sanitizer.sanitizeLine(self.title)
        let shortTitle = title.count > 40 ? String(title.prefix(39)) + "…" : title
        return shortTitle.isEmpty ? "conversation \(sourceID)" : "conversation “\(shortTitle)” (\(sourceID))"
    }

    /// Messages that carry reasoning.
    public var reasoningCount: Int { messages.reduce(0) { $0 + ($1.reasoning.isEmpty ? 0 : 1) } }

    /// A source without a title for the conversation: the start of its first question, on one line
    /// (as Ponder titles a new chat).
    mutating func titleFromFirstQuestionIfEmpty() {
        guard title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        let opening = messages.first { $0.role == .user } ?? messages.first
        let line = (opening?.answer ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        title = line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}
