import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// What the status bar keeps when its figures are long: the F1 help hint is the last thing dropped.
@Suite struct StatusBarRoomTests {
    /// Two conversations answered with prices: the bar shows an answer's figures and the Σ totals.
    static func stateWithTotals(width: Int, height: Int) -> AppState {
        var state = AppState(
            size: Size(width: width, height: height), providerLabel: "deepseek", modelLabel: "deepseek-reasoner")
        state.prices = TokenPrices(input: 0.55, output: 2.19)
        let first = Conversation(title: "one")
        let one = UsageTotalsTests.answer(
            &state, in: first, after: nil,
            usage: TokenUsage(promptTokens: 12_000, completionTokens: 5_000, reasoningTokens: 4_200))
        _ = UsageTotalsTests.answer(
            &state, in: first, after: one,
            usage: TokenUsage(promptTokens: 21_000, completionTokens: 9_100, reasoningTokens: 8_000))
        let second = Conversation(title: "two")
        let three = UsageTotalsTests.answer(
            &state, in: second, after: nil, usage: TokenUsage(promptTokens: 900, completionTokens: 700))
        _ = UsageTotalsTests.answer(
            &state, in: second, after: three,
            usage: TokenUsage(promptTokens: 1_800, completionTokens: 1_300, reasoningTokens: 1_000))
        return state
    }

    @Test func atOneHundredSixtyColumnsTheTotalsLeaveRoomForHelp() throws {
        let state = Self.stateWithTotals(width: 160, height: 48)
        let buffer = ChatSnapshotTests.render(state)
        let bar = buffer.lines().last ?? ""
        #expect(bar.contains("Σ chat"))
        #expect(bar.contains("F1 help"), "\(bar)")
        try SnapshotAssertion.assertMatches(buffer, named: "status-totals-160x48")
    }
}
