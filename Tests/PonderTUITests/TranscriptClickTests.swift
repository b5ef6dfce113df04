import Foundation
import PonderCore
import PonderTUI
import Testing

/// Mouse clicks on the transcript and the thinking panel, and the code-block picker.
@Suite final class TranscriptClickTests {
    let conversation = Conversation(title: "Clicks")
    var state = AppState(size: Size(width: 120, height: 30))
    lazy var user = Message(conversationID: conversation.id, role: .user, answer: "q")
    lazy var assistant = Message(
        conversationID: conversation.id, parentID: user.id, role: .assistant, reasoning: "deep thought",
        answer: "Two blocks:\n\n```swift\nlet a = 1\n```\n\n```sh\necho hi\n```", status: .complete)

    init() {
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [user, assistant]))
    }

    func frame() -> [String] {
        var buffer = ScreenBuffer(size: state.size)
        var report = ScrollReport()
        _ = RootView.render(
            state, into: &buffer, keymap: .standard, theme: .standard, cache: MessageTextCache(), report: &report)
        _ = Reducer.reduce(&state, .scrollResolved(report))
        return buffer.lines()
    }

    func click(_ point: Point) -> [Effect] {
        Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: point)), at: 0))
    }

    @Test func clickingAFoldHeaderFoldsAndUnfoldsTheReasoning() throws {
        let rows = frame()
        let y = try #require(rows.firstIndex { $0.contains("▸ Thought") })
        let x = state.layout.transcript.x + 3
        #expect(click(Point(x: x, y: y)) == [.setReasoningFolded(assistant.id, false)])
        #expect(frame().joined(separator: "\n").contains("┊ deep thought"))
        #expect(click(Point(x: x, y: y)) == [.setReasoningFolded(assistant.id, true)])
        #expect(state.focus == .transcript)
    }

    @Test func clickingThePanelTitleCollapsesItAndTheStripExpandsIt() throws {
        let panel = try #require(state.layout.thinking)
        _ = click(Point(x: panel.x + 2, y: panel.y))
        #expect(state.thinkingCollapsed)
        let strip = try #require(state.layout.thinking)
        _ = click(Point(x: strip.x, y: strip.y + 1))
        #expect(!state.thinkingCollapsed)
    }

    @Test func theCodeBlockPickerCopiesTheChosenBlock() {
        state.focus = .transcript
        #expect(Reducer.reduce(&state, .input(.key(.character("c")), at: 0)).isEmpty)
        #expect(frame().joined().contains("1. swift · 1 line · let a = 1"))
        _ = Reducer.reduce(&state, .input(.key(KeyPress(.down)), at: 0))
        #expect(Reducer.reduce(&state, .input(.key(KeyPress(.enter)), at: 0)) == [.copyToClipboard("echo hi")])
        #expect(state.overlay == nil)
        _ = Reducer.reduce(&state, .input(.key(.character("c")), at: 0))
        #expect(Reducer.reduce(&state, .input(.key(.character("1")), at: 0)) == [.copyToClipboard("let a = 1")])
        #expect(state.notice?.text == "Copied the swift code block (1 line) to the clipboard")
    }
}
