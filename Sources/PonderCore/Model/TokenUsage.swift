/// Token counts a provider reported for one response. Every field is optional: providers
/// report different subsets (DeepSeek splits prompt tokens into cache hits and misses;
/// Ollama reports eval counts; Anthropic reports input/output tokens).
public struct TokenUsage: Equatable, Hashable, Sendable, Codable {
    public var promptTokens: Int?
    /// All generated tokens, reasoning included.
    public var completionTokens: Int?
    /// The reasoning part of `completionTokens`.
    public var reasoningTokens: Int?
    public var cacheHitTokens: Int?
    public var cacheMissTokens: Int?
    /// Ponder counted some of the generated figures from the stream (one per streamed piece)
    /// because the provider reported none (`fillingInCounts`); false: they are the provider's.
    public var counted = false

    public init(
        promptTokens: Int? = nil,
        completionTokens: Int? = nil,
        reasoningTokens: Int? = nil,
        cacheHitTokens: Int? = nil,
        cacheMissTokens: Int? = nil,
        counted: Bool = false
    ) {
        self.counted = counted
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.reasoningTokens = reasoningTokens
        self.cacheHitTokens = cacheHitTokens
        self.cacheMissTokens = cacheMissTokens
    }

    /// Answer tokens: completion minus reasoning, when both are known.
    public var answerTokens: Int? {
        guard let completionTokens else { return nil }
        return completionTokens - (reasoningTokens ?? 0)
    }

    /// Share of prompt tokens served from the provider's cache, 0...1, when known.
    public var cacheHitShare: Double? {
        guard let hit = cacheHitTokens else { return nil }
        let total = hit + (cacheMissTokens ?? 0)
        return total > 0 ? Double(hit) / Double(total) : nil
    }

    /// Fields of `other` that are set replace ours (later usage reports win).
    public mutating func merge(_ other: TokenUsage) {
        promptTokens = other.promptTokens ?? promptTokens
        completionTokens = other.completionTokens ?? completionTokens
        reasoningTokens = other.reasoningTokens ?? reasoningTokens
        cacheHitTokens = other.cacheHitTokens ?? cacheHitTokens
        cacheMissTokens = other.cacheMissTokens ?? cacheMissTokens
    }

    private enum CodingKeys: String, CodingKey {
        case promptTokens, completionTokens, reasoningTokens, cacheHitTokens, cacheMissTokens, counted
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        promptTokens = try container.decodeIfPresent(Int.self, forKey: .promptTokens)
        completionTokens = try container.decodeIfPresent(Int.self, forKey: .completionTokens)
        reasoningTokens = try container.decodeIfPresent(Int.self, forKey: .reasoningTokens)
        cacheHitTokens = try container.decodeIfPresent(Int.self, forKey: .cacheHitTokens)
        cacheMissTokens = try container.decodeIfPresent(Int.self, forKey: .cacheMissTokens)
        counted = try container.decodeIfPresent(Bool.self, forKey: .counted) ?? false
    }
}
