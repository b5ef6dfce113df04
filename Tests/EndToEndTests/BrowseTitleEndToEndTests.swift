import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// Title refinement end to end: the real `ponder` in tmux against the fake provider server, which
/// answers a title request (32 tokens, thinking off) with `Refined` and the question's first words.
@Suite(.serialized, .ownThreads) struct BrowseTitleEndToEndTests {
    typealias Harness = ChatEndToEndTests.Harness

    /// The stored title of the only conversation in the harness's store.
    func storedTitle(_ harness: Harness) throws -> String? {
        let environment = ["HOME": harness.home.path, "XDG_DATA_HOME": harness.home.path + "/data"]
        let store = try ConversationStore.open(at: XDGPaths(environment: environment).databaseFile)
        return try store.listConversations().first?.conversation.title
    }

    /// Asks a second question and waits for its answer: by then a title request sent after the
    /// first answer has long been answered, so its absence can be asserted without sleeping.
    func askAgainAndWait(_ harness: Harness) throws -> String {
        try harness.ask("second question")
        return try harness.tmux.waitFor(text: "You said: “second question”.")
    }

    @Test func refinedTitleReplacesTheFirstMessageTitleInTheSidebarAndHeader() throws {
        let harness = try Harness(model: "fake-reasoner", extraConfig: "[ui]\nrefine_titles = true\n")
        try harness.startPonder()
        try harness.ask("Plan quokka picnic today please")
        let screen = try harness.tmux.waitFor("the refined title on screen") { $0.contains("Refined Plan quokka") }
        let rows = screen.split(separator: "\n").filter { $0.contains("Refined Plan") }
        // The sidebar row and the transcript pane's header.
        #expect(rows.count >= 2)
        #expect(try Poll.until { try storedTitle(harness) == "Refined Plan quokka picnic" })
        let after = try askAgainAndWait(harness)
        // Only the first exchange of a new conversation is titled again.
        #expect(!after.contains("Refined second"))
        #expect(try storedTitle(harness) == "Refined Plan quokka picnic")
        try harness.quit()
    }

    @Test func withoutTheSettingTheTitleStaysTheFirstMessage() throws {
        let harness = try Harness(model: "fake-reasoner")
        try harness.startPonder()
        try harness.ask("Plan quokka picnic today please")
        try harness.tmux.waitFor(text: "You said: “Plan quokka picnic today please”.")
        let after = try askAgainAndWait(harness)
        #expect(!after.contains("Refined"))
        #expect(try storedTitle(harness) == "Plan quokka picnic today please")
        try harness.quit()
    }
}
