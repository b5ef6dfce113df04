/// Adding up the usage of several responses.
extension TokenUsage {
    /// Field by field sums of `usages`; a field stays nil when no response reported it.
    public static func total(_ usages: [TokenUsage]) -> TokenUsage {
        func sum(_ path: KeyPath<TokenUsage, Int?>) -> Int? {
            let values = usages.compactMap { $0[keyPath: path] }
            return values.isEmpty ? nil : values.reduce(0, +)
        }
        return TokenUsage(
            promptTokens: sum(\.promptTokens), completionTokens: sum(\.completionTokens),
            reasoningTokens: sum(\.reasoningTokens), cacheHitTokens: sum(\.cacheHitTokens),
            cacheMissTokens: sum(\.cacheMissTokens))
    }

    /// Prompt and completion tokens together, when either is known.
    public var totalTokens: Int? {
        guard promptTokens != nil || completionTokens != nil else { return nil }
        return (promptTokens ?? 0) + (completionTokens ?? 0)
    }
}
