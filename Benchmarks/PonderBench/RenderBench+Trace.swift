import Foundation
import PonderCore
import PonderTUI

/// Frames of the thinking panel reading a 100,000-token trace at 160x48 (layout, every view,
/// diff and present; the text cache warm, as in the app): the outline with its map strip while
/// the selection moves, the full text with the header and the map strip while jumping from
/// reflection point to reflection point, and the outline while the trace streams in.
extension RenderBench {
    static func traceFrames() {
        let size = Size(width: 160, height: 48)
        let tokens = TraceBench.traceTokens(count: TraceBench.tokenCount)
        let conversation = Conversation(title: "trace")
        let user = Message(conversationID: conversation.id, role: .user, answer: "How many trailing zeros?")
        let answer = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, reasoning: tokens.joined(),
            answer: "31", usage: TokenUsage(reasoningTokens: TraceBench.tokenCount))
        var state = AppState(size: size)
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [user, answer]))
        state.focus = .thinking
        let drawer = TraceFrameDrawer(size: size)
        func frame() -> Double { drawer.draw(&state) }
        func press(_ key: KeyPress) { _ = Reducer.reduce(&state, .input(.key(key), at: 0)) }

        let first = frame()
        press(.character("o"))
        _ = frame()
        press(.character("g"))
        _ = frame()
        var outlineFrames: [Double] = []
        for index in 0..<400 {
            press(index % 50 == 49 ? KeyPress(.pageDown) : .character("j"))
            outlineFrames.append(frame())
        }
        press(.character("o"))
        _ = frame()
        press(.character("g"))
        _ = frame()
        var jumpFrames: [Double] = []
        for index in 0..<200 {
            press(.character(index % 4 == 3 ? ")" : "r"))
            jumpFrames.append(frame())
        }
        print(
            "render: thinking panel on a \(TraceBench.tokenCount)-token trace at 160x48, frame with layout, views, "
                + "diff and present (target under 2 ms): outline + map strip median "
                + "\(TraceBench.format(BenchStatistics.percentile(outlineFrames, 0.5))) ms, p99 "
                + "\(TraceBench.format(BenchStatistics.percentile(outlineFrames, 0.99))) ms; full text + header + "
                + "map strip, jumping median \(TraceBench.format(BenchStatistics.percentile(jumpFrames, 0.5))) ms, "
                + "p99 \(TraceBench.format(BenchStatistics.percentile(jumpFrames, 0.99))) ms; first frame (outline "
                + "built, text laid out) \(TraceBench.format(first)) ms")
        streamingFrames(tokens: tokens, size: size)
    }

    /// The outline and map open while the trace streams in, 4 tokens per frame, measured over
    /// the last 1,000 frames of the 100,000 tokens.
    static func streamingFrames(tokens: [String], size: Size) {
        let conversation = Conversation(title: "live")
        let user = Message(conversationID: conversation.id, role: .user, answer: "q")
        let answer = Message(conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming)
        var state = AppState(size: size)
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: user, assistant: answer))
        state.focus = .thinking
        state.trace.outlineOpen = true
        let drawer = TraceFrameDrawer(size: size)
        var times: [Double] = []
        let perFrame = 4
        let frames = tokens.count / perFrame
        for index in 0..<frames {
            var update = StreamUpdate(messageID: answer.id, at: Date())
            update.reasoning = tokens[(index * perFrame)..<((index + 1) * perFrame)].joined()
            update.phase = .thinking
            _ = Reducer.reduce(&state, .streamUpdated(update))
            let elapsed = drawer.draw(&state)
            if index >= frames - 1_000 { times.append(elapsed) }
        }
        print(
            "render: outline + map strip while the \(TraceBench.tokenCount)-token trace streams, 4 tokens a frame, "
                + "last 1,000 frames: median \(TraceBench.format(BenchStatistics.percentile(times, 0.5))) ms, p99 "
                + "\(TraceBench.format(BenchStatistics.percentile(times, 0.99))) ms")
    }
}

/// Draws frames of the whole screen as the loop does (render, diff, present, end the cache's
/// frame, feed the report back), timing all but the report.
final class TraceFrameDrawer {
    let terminal: MemoryTerminal
    let cache = MessageTextCache()
    var previous: ScreenBuffer?

    init(size: Size) {
        terminal = MemoryTerminal(size: size, recordsFrames: false)
    }

    /// Milliseconds the frame took.
    func draw(_ state: inout AppState) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        var buffer = ScreenBuffer(size: state.size)
        var report = ScrollReport()
        _ = RootView.render(state, into: &buffer, keymap: .standard, theme: .standard, cache: cache, report: &report)
        terminal.present(ScreenDiff.changes(from: previous, to: buffer), cursor: nil)
        cache.endFrame()
        previous = buffer
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        if !report.isEmpty { _ = Reducer.reduce(&state, .scrollResolved(report)) }
        return elapsed
    }
}
