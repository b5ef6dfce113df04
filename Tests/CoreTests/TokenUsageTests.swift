import PonderCore
import Testing

@Suite struct TokenUsageTests {
    @Test func answerTokensExcludeReasoning() {
        let usage = TokenUsage(promptTokens: 6, completionTokens: 1552, reasoningTokens: 199)
        #expect(usage.answerTokens == 1353)
    }

    @Test func laterReportsWinFieldByField() {
        var usage = TokenUsage(promptTokens: 10, cacheHitTokens: 4)
        usage.merge(TokenUsage(completionTokens: 7, cacheHitTokens: 6, cacheMissTokens: 4))
        #expect(usage == TokenUsage(promptTokens: 10, completionTokens: 7, cacheHitTokens: 6, cacheMissTokens: 4))
        #expect(usage.cacheHitShare == 0.6)
    }

    @Test func costUsesCacheHitPrice() {
        let prices = TokenPrices(input: 2, inputCacheHit: 0.5, output: 8)
        let usage = TokenUsage(promptTokens: 1_000_000, completionTokens: 500_000, cacheHitTokens: 500_000)
        #expect(prices.cost(of: usage) == 0.5 * 2 + 0.5 * 0.5 + 0.5 * 8)
    }
}
