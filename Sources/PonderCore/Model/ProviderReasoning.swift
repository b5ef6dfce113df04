/// A provider's own record of an answer's reasoning, kept so it can be sent back exactly as it came:
/// Anthropic's `thinking` and `redacted_thinking` content blocks with their signatures, or OpenRouter's
/// `reasoning_details` entries (streamed fragments merged). The readable reasoning is in
/// `Message.reasoning`; this is the opaque part that makes a replay valid.
public struct ProviderReasoning: Equatable, Hashable, Sendable, Codable {
    public enum Format: String, Equatable, Hashable, Sendable, Codable {
        /// Anthropic content blocks: `{"type":"thinking","thinking":…,"signature":…}` or
        /// `{"type":"redacted_thinking","data":…}`, in the order they arrived.
        case anthropic
        /// OpenRouter `reasoning_details` entries (`reasoning.text`, `reasoning.summary`,
        /// `reasoning.encrypted`), in index order.
        case openRouter = "openrouter"
    }

    public var format: Format
    public var items: [JSONValue]

    public init(format: Format, items: [JSONValue]) {
        self.format = format
        self.items = items
    }

    /// Every Anthropic thinking block carries a signature (a block cut off before its signature
    /// cannot be replayed).
    public var isCompleteForReplay: Bool {
        guard !items.isEmpty else { return false }
        switch format {
        case .anthropic:
            return items.allSatisfy { item in
                switch item["type"]?.stringValue {
                case "thinking": return item["signature"]?.nonEmptyString != nil
                case "redacted_thinking": return item["data"]?.nonEmptyString != nil
                default: return false
                }
            }
        case .openRouter:
            return true
        }
    }
}
