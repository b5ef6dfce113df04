import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// Large pastes end to end: the real `ponder` in tmux, text pasted through tmux's paste buffer
/// with and without the paste brackets, against `ponder-fake-server` writing every request it
/// gets to a file (the controls tests' harness).
@Suite(.serialized, .ownThreads) struct PasteEndToEndTests {
    /// About 300 KB of numbered lines; the last line is what the editor shows once all arrived.
    static let text: String =
        (1...5_000).map { "line \($0) of the pasted text, nothing to send yet" }
        .joined(separator: "\n") + "\nthe very last pasted line"

    let harness: ControlsEndToEndTests.Harness
    var tmux: TmuxSession { harness.tmux }
    var pasteFile: String { harness.home.path + "/paste.txt" }

    init() throws {
        harness = try ControlsEndToEndTests.Harness()
        try Self.text.write(toFile: harness.home.path + "/paste.txt", atomically: true, encoding: .utf8)
        try tmux.startPonder(harness.ponder)
    }

    /// The last user message of each chat request the server received, oldest first.
    func sentQuestions() -> [String] {
        harness.chatBodies().compactMap { body in
            guard case .array(let messages)? = body["messages"], case .string(let content)? = messages.last?["content"]
            else { return nil }
            return content
        }
    }

    func pasteHoldsWholeTextAndSendsNothingUntilEnter(bracketed: Bool) throws {
        try tmux.pasteFile(pasteFile, bracketed: bracketed)
        try tmux.waitFor("the whole paste in the editor", timeout: 60) {
            $0.contains("the very last pasted line") && $0.contains("line 4999 of the pasted text")
        }
        #expect(sentQuestions().isEmpty)
        try tmux.sendKeys("Enter")
        #expect(Poll.until(timeout: 30) { !sentQuestions().isEmpty })
        #expect(sentQuestions() == [Self.text])
        // Ctrl-Q while the answer still streams asks first (and the question vanishes when the stream
        // ends), so quit once the answer is done; on a loaded machine the 300 KB question can still be
        // being indexed for search when Ctrl-Q arrives.
        try tmux.waitFor("the answer done", timeout: 60) { $0.contains("│ done │") }
        try tmux.quitPonder(timeout: 90)
    }

    @Test func largePasteWithoutBracketsStaysInTheEditorWhole() throws {
        try pasteHoldsWholeTextAndSendsNothingUntilEnter(bracketed: false)
    }

    @Test func largeBracketedPasteStaysInTheEditorWhole() throws {
        try pasteHoldsWholeTextAndSendsNothingUntilEnter(bracketed: true)
    }
}
