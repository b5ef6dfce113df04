import Foundation
import TestSupport
import TestTraits
import Testing

/// Clearing a search shows the list again with the first conversation selected, and its preview
/// loads (found by the soak: "Loading…" stayed in the preview after a search was cleared).
@Suite(.serialized, .ownThreads) struct BrowserClearedSearchEndToEndTests {
    @Test func thePreviewLoadsAfterASearchIsCleared() throws {
        let harness = try BrowseEndToEndTests.Harness()
        let tmux = harness.tmux
        try tmux.sendLiteral("/rain")
        try tmux.waitFor("the hits") { $0.contains("3 hits") && $0.contains("Probably light rain.") }
        try tmux.sendKeys("C-u")
        let cleared = try tmux.waitFor("the first conversation previewed") {
            !$0.contains("hits") && $0.contains("Plant peas, spinach and radishes.")
        }
        #expect(cleared.contains("deepseek-r1 · 2 messages"))
        #expect(!cleared.contains("Loading…"))
    }
}
