import Foundation
import TestSupport
import TestTraits
import Testing

/// Searching in a browser opened a second time: its searches are numbered afresh, and they must
/// still be run and answered (found by the soak, seed 0xd0594e3105d418fb: the browser said
/// "Searching…" for good after it had been closed and opened again).
@Suite(.serialized, .ownThreads) struct BrowserReopenSearchEndToEndTests {
    @Test func aSearchInAReopenedBrowserIsAnswered() throws {
        let harness = try BrowseEndToEndTests.Harness()
        let tmux = harness.tmux
        // Several searches in the first browser, each answered (the search runs once typing pauses).
        try tmux.sendKeys("/")
        for number in 1...6 {
            try tmux.sendKeys("C-u")
            try tmux.sendLiteral("zzq\(number)")
            try tmux.waitFor(text: "No matches for “zzq\(number)”")
        }
        // Esc leaves the search field, then clears the search, then closes the browser.
        for step in ["the list keys", "the search cleared"] {
            try tmux.sendKeys("Escape")
            try tmux.waitFor(step) { $0.contains("Esc close") && (step == "the list keys" || $0.contains("press /")) }
        }
        try tmux.sendKeys("Escape")
        try tmux.waitFor("the main screen") { !$0.contains("Browse conversations") }
        try tmux.sendKeys("C-f")
        try tmux.waitFor(text: "Browse conversations")
        try tmux.sendLiteral("/rain")
        let answered = try tmux.waitFor("the search in the reopened browser answered") {
            $0.contains("Search: rain") && $0.contains("hit") && !$0.contains("earching…")
        }
        #expect(answered.contains("Weather tomorrow"))
    }
}
