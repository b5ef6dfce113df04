import PonderTUI
import Testing

@Suite struct EventLoopTests {
    /// Records the effects the loop hands over, and can answer them.
    final class Recorder: EffectHandler {
        var effects: [Effect] = []
        var answer: (Effect) -> Void = { _ in }

        func handle(_ effect: Effect, terminal: any TerminalServices) {
            effects.append(effect)
            answer(effect)
        }
    }

    @Test func typedTextIsDrawnAndCtrlQEndsTheLoop() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let recorder = Recorder()
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size), effects: recorder)
        var sawText = false
        terminal.onPresent = { terminal in
            if !sawText && terminal.screen.lines().contains(where: { $0.contains("› 你好 🤔") }) {
                sawText = true
                terminal.type("\u{11}")
            }
        }
        terminal.type("你好 🤔")
        #expect(loop.run() == .quit)
        #expect(sawText)
        #expect(recorder.effects == [.quit])
        #expect(loop.state.editor.text == "你好 🤔")
    }

    @Test func aBurstOfInputIsDrawnInOneFrameNotOnePerKey() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size), effects: Recorder())
        terminal.onPresent = { terminal in
            if terminal.screen.lines().contains(where: { $0.contains("xxxxxxxx") }) { terminal.type("\u{11}") }
        }
        terminal.type(String(repeating: "x", count: 200))
        _ = loop.run()
        #expect(loop.framesDrawn == 2)
        #expect(loop.state.editor.text.count == 200)
    }

    @Test func effectsPostEventsBackThroughTheQueue() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let queue = EventQueue()
        let recorder = Recorder()
        recorder.answer = { effect in
            guard case .send(let text, _, _) = effect else { return }
            queue.post(.submitRejected(text: text, reason: "not sent"))
            terminal.type("\u{11}")
        }
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size), queue: queue, effects: recorder)
        terminal.type("draft\r")
        _ = loop.run()
        #expect(loop.state.editor.text == "draft")
        #expect(loop.state.notice?.text == "not sent")
    }

    @Test func resizeToTooSmallAndBack() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        var sawTooSmall = false
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size), effects: Recorder())
        terminal.resize(to: Size(width: 30, height: 8))
        loop.apply(.resized(terminal.size))
        loop.draw(at: 1)
        sawTooSmall = terminal.screen.lines().joined().contains("too small")
        terminal.resize(to: Size(width: 80, height: 24))
        terminal.type("\u{11}")
        _ = loop.run()
        #expect(sawTooSmall)
        #expect(terminal.screen.lines().joined().contains("Thinking"))
        #expect(!terminal.screen.lines().joined().contains("too small"))
    }

    @Test func ctrlCTwiceQuitsThroughTheRealClockPath() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size), effects: Recorder())
        var sentSecond = false
        terminal.onPresent = { terminal in
            if !sentSecond && terminal.screen.lines().contains(where: { $0.contains("Press Ctrl-C again to quit") }) {
                sentSecond = true
                terminal.type("\u{3}")
            }
        }
        terminal.type("\u{3}")
        #expect(loop.run() == .quit)
        #expect(sentSecond)
    }
}
