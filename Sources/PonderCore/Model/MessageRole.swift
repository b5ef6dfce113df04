/// Who wrote a message.
public enum MessageRole: String, Sendable, Codable, CaseIterable {
    case system
    case user
    case assistant
}
