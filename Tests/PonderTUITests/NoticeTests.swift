import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// Status-bar notices give way to the figures on the next action.
@Suite struct NoticeTests {
    typealias Fixtures = BrowserFixtures

    static func statusLine(_ state: AppState) -> String {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer.lines().last ?? ""
    }

    @Test func anErrorNoticeClearsOnTheNextKeyAndTheFiguresShowAgain() {
        var state = AppState(size: Size(width: 160, height: 30), providerLabel: "fake", modelLabel: "m")
        let conversation = Conversation(title: "t")
        let question = Message(conversationID: conversation.id, role: .user, answer: "q")
        var answer = Message(
            conversationID: conversation.id, parentID: question.id, role: .assistant, answer: "ok", status: .streaming)
        answer.usage = TokenUsage(promptTokens: 12, completionTokens: 34)
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: question, assistant: answer))
        _ = Reducer.reduce(
            &state, .streamEnded(.ending(answer, .failed, errorText: "The server answered HTTP 404 (not found)")))
        #expect(Self.statusLine(state).contains("HTTP 404"))
        _ = Reducer.reduce(&state, .input(.key(.character("a")), at: 5))
        #expect(state.notice == nil)
        let line = Self.statusLine(state)
        #expect(!line.contains("HTTP 404"))
        #expect(line.contains("in 12"))
    }

    @Test func theUndoNoticeOfADeleteClearsWithTheNextKey() {
        var state = Fixtures.state(width: 100, height: 30)
        _ = Reducer.reduce(&state, .input(.key(.ctrl("f")), at: 1))
        let deleted = DeletedConversation(conversation: Fixtures.summaries[0].conversation, messages: [])
        _ = Reducer.reduce(&state, .browser(.deleted(deleted)))
        #expect(Self.statusLine(state).contains("press u to undo"))
        _ = Reducer.reduce(&state, .input(.key(.character("j")), at: 2))
        #expect(!Self.statusLine(state).contains("press u to undo"))
    }

    @Test func aHalfTypedKeySequenceNoticeClearsWithTheNextKey() {
        var state = AppState(size: Size(width: 160, height: 30))
        _ = Reducer.reduce(&state, .input(.key(.ctrl("x")), at: 1))
        #expect(state.notice?.text.contains("Ctrl-X") == true)
        _ = Reducer.reduce(&state, .input(.key(.character("z")), at: 1.2))
        #expect(state.notice == nil)
        #expect(state.editor.text == "z")
    }

    @Test func aClickClearsTheNoticeAndAWheelDoesNot() {
        var state = AppState(size: Size(width: 160, height: 30))
        _ = Reducer.reduce(&state, .notice("Exported to /tmp/x.md"))
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.wheelDown, at: Point(x: 50, y: 5))), at: 1))
        #expect(state.notice != nil)
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: Point(x: 50, y: 5))), at: 1))
        #expect(state.notice == nil)
    }
}

/// The hint bar names only keys that do something in the focused pane.
@Suite struct HintBarTests {
    static func statusLine(_ state: AppState) -> String { NoticeTests.statusLine(state) }

    @Test func theSidebarHintsMovingAndOpeningOnly() {
        var state = BrowserFixtures.state(width: 200, height: 30)
        state.focus = .sidebar
        let line = Self.statusLine(state)
        #expect(line.contains("↑ select"))
        #expect(line.contains("Enter open"))
        for useless in ["copy", "search", "edit", "fold"] { #expect(!line.contains(" \(useless) "), "\(useless)") }
        state.focus = .transcript
        let transcript = Self.statusLine(state)
        #expect(transcript.contains("y copy"))
        #expect(transcript.contains("/ search"))
    }
}
