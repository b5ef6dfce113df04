import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// The browser's preview shows how much a conversation made the model think: a bar scaled to the
/// listed conversation that thought most, with its reasoning tokens and time.
@Suite struct BrowserEffortTests {
    static func efforts() -> [ConversationID: ConversationEffort] {
        let ids = BrowserFixtures.summaries.map(\.id)
        return [
            ids[0]: ConversationEffort(
                conversationID: ids[0], answers: 3, reasoningTokens: 24_000, reasoningTokensEstimated: false,
                thinkingSeconds: 310),
            ids[1]: ConversationEffort(
                conversationID: ids[1], answers: 1, reasoningTokens: 6_000, reasoningTokensEstimated: true,
                thinkingSeconds: 42.5),
        ]
    }

    @Test func openingTheBrowserAsksForTheThinkingOfTheListedConversations() {
        var state = BrowserFixtures.state(width: 80, height: 24)
        let effects = Reducer.reduce(&state, .input(.key(.ctrl("f")), at: 1))
        #expect(effects.contains(.browser(.loadEffort(state.listing.summaries.map(\.id)))))
        _ = Reducer.reduce(&state, .browser(.effortLoaded(Self.efforts())))
        #expect(state.browser?.largestEffort == 24_000)
    }

    @Test(arguments: [(40, 12), (80, 24), (160, 48)])
    func previewShowsTheBar(width: Int, height: Int) throws {
        var state = BrowserSnapshotTests.openBrowser(width: width, height: height)
        _ = Reducer.reduce(&state, .browser(.effortLoaded(Self.efforts())))
        let browser = try #require(state.browser)
        let line = BrowserPreviewView.effortLine(browser, id: BrowserFixtures.summaries[1].id, width: 60)
        #expect(line == "████ ~6,000 tokens · 42.5 s of thinking")
        try SnapshotAssertion.assertMatches(
            BrowserSnapshotTests.render(state), named: "browser-effort-\(width)x\(height)")
    }
}
