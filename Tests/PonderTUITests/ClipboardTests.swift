import PonderCore
import PonderTUI
import Testing

/// Copying goes through the terminal layer: the effect runner hands the text back to the loop, which
/// gives it to the terminal (OSC 52 on a tty).
@Suite struct ClipboardTests {
    @Test func yCopiesTheSelectedAnswerThroughTheTerminal() async throws {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 30))
        var state = AppState(size: terminal.size)
        let conversation = Conversation(title: "c")
        let answer = Message(
            conversationID: conversation.id, role: .assistant, reasoning: "想一想 🤔", answer: "答案 ✅\n```\ncode\n```")
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [answer]))
        state.focus = .transcript
        let queue = EventQueue()
        let store = try ConversationStore.inMemory()
        let chat = ChatRuntime(store: store, provider: nil, environment: [:], queue: queue)
        let runner = EffectRunner(chat: chat, store: StoreWorker(store: store, queue: queue, exportDirectories: []))
        let loop = EventLoop(terminal: terminal, state: state, queue: queue, effects: runner)
        terminal.type("y\t")
        terminal.type("y\u{11}")
        _ = loop.run()
        #expect(terminal.clipboard == ["答案 ✅\n```\ncode\n```", "想一想 🤔"])
        #expect(loop.state.notice?.text == "Copied 5 characters to the clipboard")
        await chat.shutdown()
    }

    @Test func nothingToCopyInTheEditor() {
        var state = AppState(size: Size(width: 120, height: 30))
        let effects = Reducer.reduce(&state, .input(.key(.character("y")), at: 0))
        #expect(effects.isEmpty)
        #expect(state.editor.text == "y")
    }
}
