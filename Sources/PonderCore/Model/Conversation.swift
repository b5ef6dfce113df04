import Foundation

/// A conversation's header: everything but its messages.
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

    public init(
        id: ConversationID = .make(),
        title: String = "",
        createdAt: Date = Date(),
        updatedAt: Date? = nil,
        pinned: Bool = false,
        archived: Bool = false,
        provider: String? = nil,
        model: String? = nil,
        systemPrompt: String? = nil
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
    }
}
