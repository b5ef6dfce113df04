import Foundation
import PonderCore
import PonderTUI

/// Chat screen figures, in process: the cost of rendering the whole 160x48 chat screen with a
/// 100,000-token reasoning trace visible in the thinking panel — following the live end while the
/// trace streams in, after it finished, and scrolled to the middle — next to the same frames with
/// a 1,000-token trace, to show whether frame cost grows with the trace.
enum ChatBench {
    static func run() async {
        for tokens in [1_000, 100_000] {
            measure(tokens: tokens)
        }
    }

    /// Reasoning of `tokens` tokens in paragraphs of 60, as reasoning models write it.
    static func trace(tokens: Int) -> [String] {
        (0..<tokens).map { index in
            let word = index % 7 == 3 ? "思考 " : "step\(index) "
            return (index + 1) % 60 == 0 ? word + "\n\n" : word
        }
    }

    static func measure(tokens: Int) {
        let conversation = Conversation(title: "bench")
        let user = Message(conversationID: conversation.id, role: .user, answer: "think hard")
        let assistant = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming)
        var state = AppState(size: Size(width: 160, height: 48), providerLabel: "fake", modelLabel: "fake-long")
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: user, assistant: assistant))
        let cache = MessageTextCache()
        let pieces = trace(tokens: tokens)
        let batch = max(1, tokens / 2_000)
        var streamingFrames = 0
        var streamingNanos: UInt64 = 0
        var worst: UInt64 = 0
        var index = 0
        while index < pieces.count {
            var update = StreamUpdate(messageID: assistant.id, at: Date())
            update.reasoning = pieces[index..<min(pieces.count, index + batch)].joined()
            update.reasoningChunks = batch
            update.phase = .thinking
            index += batch
            _ = Reducer.reduce(&state, .streamUpdated(update))
            let elapsed = renderNanos(state, cache: cache)
            streamingNanos += elapsed
            worst = max(worst, elapsed)
            streamingFrames += 1
        }
        let end = TurnEnd(
            conversationID: conversation.id, answerID: assistant.id, status: .complete, errorText: nil,
            phase: .finished(.stop))
        _ = Reducer.reduce(&state, .streamEnded(end))
        let atEnd = averageNanos(state, cache: cache, frames: 200)
        state.focus = .thinking
        state.scroll.thinkingFromBottom = tokens / 20
        let middle = averageNanos(state, cache: cache, frames: 200)
        print(
            "chat: \(tokens) reasoning tokens: streaming frame avg \(ms(streamingNanos / UInt64(streamingFrames))) "
                + "worst \(ms(worst)) over \(streamingFrames) frames; finished, at the end \(ms(atEnd)); "
                + "scrolled to the middle \(ms(middle))")
    }

    static func renderNanos(_ state: AppState, cache: MessageTextCache) -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer, cache: cache)
        return DispatchTime.now().uptimeNanoseconds - start
    }

    static func averageNanos(_ state: AppState, cache: MessageTextCache, frames: Int) -> UInt64 {
        var total: UInt64 = 0
        for _ in 0..<frames { total += renderNanos(state, cache: cache) }
        return total / UInt64(frames)
    }

    static func ms(_ nanos: UInt64) -> String { String(format: "%.3f ms", Double(nanos) / 1e6) }
}
