import Foundation
import TestSupport
import TestTraits
import Testing

/// Starting a new conversation in the real `ponder` in tmux: Ctrl-N, the sidebar's first row,
/// and `ponder --new`.
@Suite(.serialized, .ownThreads) struct NewConversationEndToEndTests {
    typealias Harness = ChatEndToEndTests.Harness

    @Test func ctrlNStartsANewConversationAndDashDashNewStartsWithOne() throws {
        let harness = try Harness(model: "fake-reasoner", width: 150, height: 32)
        try harness.startPonder()
        try harness.tmux.waitFor(text: "+ New conversation")
        try harness.ask("first question")
        try harness.tmux.waitFor("the first answer") {
            $0.contains("You said: “first question”.") && $0.contains("│ done")
        }
        try harness.tmux.sendKeys("C-n")
        try harness.tmux.waitFor("an empty transcript") {
            !$0.contains("You said: “first question”.") && $0.contains("No messages yet")
        }
        try harness.ask("second question")
        let second = try harness.tmux.waitFor("the second answer in a conversation of its own") {
            $0.contains("You said: “second question”.") && $0.contains("│ done")
        }
        #expect(!second.contains("You said: “first question”."))
        #expect(!second.contains("Answer 2 of"))
        try harness.quit()
        try harness.tmux.startPonder(harness.ponder, arguments: "--new")
        try harness.tmux.waitFor("a new conversation at start") {
            $0.contains("No messages yet") && $0.contains("second question") && !$0.contains("You said")
        }
        try harness.quit()
        try harness.startPonder()
        try harness.tmux.waitFor(text: "You said: “second question”.")
        try harness.quit()
    }
}
