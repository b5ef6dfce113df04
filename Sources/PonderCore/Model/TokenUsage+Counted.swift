/// Figures Ponder counts itself when a provider reports none.
extension TokenUsage {
    /// The usage with the generated figures the provider left out filled in from what streamed:
    /// `reasoning` and `answer` pieces (a piece is about one token). Reasoning the provider put at
    /// 0 (or left out) while reasoning streamed is counted; so is the completion total when
    /// missing. `counted` says whether anything was filled in.
    public func fillingInCounts(reasoning: Int, answer: Int) -> TokenUsage {
        var result = self
        if reasoning > 0, (reasoningTokens ?? 0) == 0 {
            result.reasoningTokens = completionTokens.map { min($0, reasoning) } ?? reasoning
            result.counted = true
        }
        if completionTokens == nil, reasoning + answer > 0 {
            result.completionTokens = reasoning + answer
            result.counted = true
        }
        return result
    }
}
