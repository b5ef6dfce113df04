import Foundation
import TestSupport
import TestTraits
import Testing

/// Editing on the chat screen end to end: asking an edited question again, `/` search in the
/// thinking panel, and the message handed to `$EDITOR` and back.
@Suite(.serialized, .ownThreads) struct ChatEditingEndToEndTests {
    typealias Harness = ChatEndToEndTests.Harness

    @Test func anEditedQuestionIsAskedAgainAndTheFirstVersionStays() throws {
        let harness = try Harness(model: "fake-reasoner")
        try harness.startPonder()
        try harness.ask("first version")
        try harness.tmux.waitFor("the first answer") {
            $0.contains("You said: “first version”.") && $0.contains("│ done")
        }
        try harness.tmux.sendKeys("Tab", "Tab")
        try harness.tmux.sendLiteral("e")
        try harness.tmux.waitFor(text: "› first version")
        try harness.tmux.sendKeys("C-u")
        try harness.ask("second version")
        let second = try harness.tmux.waitFor("the edited question answered") {
            $0.contains("You said: “second version”.") && $0.contains("Question 2 of 2") && $0.contains("│ done")
        }
        #expect(!second.contains("You said: “first version”."), "only the branch of the new version is shown")
        try harness.tmux.sendKeys("Tab", "Tab")
        try harness.tmux.sendLiteral("{")
        try harness.tmux.waitFor("the first version again") {
            $0.contains("You said: “first version”.") && $0.contains("Question 1 of 2")
        }
        try harness.quit()
        try harness.startPonder()
        try harness.tmux.waitFor("the newest version after a restart") {
            $0.contains("You said: “second version”.") && $0.contains("Question 2 of 2")
        }
        try harness.quit()
    }

    @Test func slashSearchesTheThinkingPanel() throws {
        let harness = try Harness(model: "fake-slow")
        try harness.startPonder()
        try harness.ask("search me")
        try harness.tmux.waitFor("the answer") { $0.contains("You said: “search me”.") && $0.contains("│ done") }
        try harness.tmux.sendKeys("Tab", "Tab", "Tab")
        try harness.tmux.waitFor(text: "▌Thought")
        try harness.tmux.sendLiteral("/step 1")
        try harness.tmux.waitFor(text: "Search thinking: /step 1")
        try harness.tmux.sendKeys("Enter")
        // The whole trace is on screen: the search starts at the first match from the top of the view.
        let found = try harness.tmux.waitFor("the matches counted from the top of the view") {
            $0.contains("/step 1 · 1 of 11")
        }
        #expect(found.contains("step 1 "))
        try harness.tmux.sendLiteral("N")
        let wrapped = try harness.tmux.waitFor("N wrapped to the last match") { $0.contains("/step 1 · 11 of 11") }
        #expect(wrapped.contains("step 19"))
        try harness.tmux.sendKeys("Escape")
        try harness.tmux.waitFor("the search closed") { !$0.contains("/step 1 ·") }
        try harness.quit()
    }

    @Test func theMessageGoesToTheEditorAndComesBack() throws {
        let harness = try Harness(model: "fake-reasoner")
        try harness.tmux.sendLiteral("export EDITOR='sed -i s/draft/edited/'")
        try harness.tmux.sendKeys("Enter")
        try harness.startPonder()
        try harness.tmux.sendLiteral("a draft message")
        try harness.tmux.waitFor(text: "› a draft message")
        try harness.tmux.sendKeys("C-x", "C-e")
        try harness.tmux.waitFor(text: "› a edited message")
        #expect((try harness.tmux.format("#{alternate_on}")) == "1", "the screen is taken back")
        try harness.quit()
    }
}
