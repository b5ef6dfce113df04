import PonderTUI
import Testing

@Suite struct EventLoopTests {
    final class Recorder {
        var effects: [Effect] = []
    }

    @Test func typedTextIsDrawnAndCtrlQEndsTheLoop() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let recorder = Recorder()
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size)) { effect, _ in
            recorder.effects.append(effect)
        }
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
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size)) { _, _ in }
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
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size)) { effect, queue in
            guard case .send(let text, _, _) = effect else { return }
            queue.post(.submitRejected(text: text, reason: "not sent"))
            terminal.type("\u{11}")
        }
        terminal.type("draft\r")
        _ = loop.run()
        #expect(loop.state.editor.text == "draft")
        #expect(loop.state.notice?.text == "not sent")
    }

    @Test func resizeToTooSmallAndBack() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        var sawTooSmall = false
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size)) { _, _ in }
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
        let loop = EventLoop(terminal: terminal, state: AppState(size: terminal.size)) { _, _ in }
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
