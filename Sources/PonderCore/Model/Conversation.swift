import Foundation

/// A conversation's header: everything but its messages, with the controls it chose for itself
/// (provider, model, thinking effort, answer budget, system prompt; nil means the config's default).
public struct Conversation: Equatable, Hashable, Sendable, Codable, Identifiable {
    public var id: ConversationID
    public var title: String
    public var createdAt: Date
    public var updatedAt: Date
    public var pinned: Bool
    public var archived: Bool
    public var provider: String?
    public var model: String?
    public var systemPrompt: String?
    /// The thinking level chosen for this conversation.
    public var effort: ThinkingEffort?
    /// The most output tokens (reasoning included) an answer may use.
    public var maxOutputTokens: Int?

    public init(
        id: ConversationID = .make(),
        title: String = "",
        createdAt: Date = Date(),
        updatedAt: Date? = nil,
        pinned: Bool = false,
        archived: Bool = false,
        provider: String? = nil,
        model: String? = nil,
        systemPrompt: String? = nil,
        effort: ThinkingEffort? = nil,
        maxOutputTokens: Int? = nil
    ) {
        self.id = id
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
    }
}
