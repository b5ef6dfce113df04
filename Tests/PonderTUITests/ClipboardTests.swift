import PonderCore
import PonderTUI
import Testing

/// Copying goes through the terminal layer: the loop hands the text to the terminal (OSC 52 on a tty).
@Suite struct ClipboardTests {
    @Test func yCopiesTheSelectedAnswerThroughTheTerminal() {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 30))
        var state = AppState(size: terminal.size)
        let conversation = Conversation(title: "c")
        let answer = Message(
            conversationID: conversation.id, role: .assistant, reasoning: "想一想 🤔", answer: "答案 ✅\n```\ncode\n```")
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [answer]))
        state.focus = .transcript
        let loop = EventLoop(terminal: terminal, state: state) { _, _ in }
        terminal.type("y\t")
        terminal.type("y\u{11}")
        _ = loop.run()
        #expect(terminal.clipboard == ["答案 ✅\n```\ncode\n```", "想一想 🤔"])
        #expect(loop.state.notice?.text == "Copied 5 characters to the clipboard")
    }

    @Test func nothingToCopyInTheEditor() {
        var state = AppState(size: Size(width: 120, height: 30))
        let effects = Reducer.reduce(&state, .input(.key(.character("y")), at: 0))
        #expect(effects.isEmpty)
        #expect(state.editor.text == "y")
    }
}
