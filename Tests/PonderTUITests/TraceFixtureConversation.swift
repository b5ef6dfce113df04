import Foundation
import PonderCore
import PonderTUI
import TestSupport

/// A conversation of three answers with long Chinese and mixed traces (the hand-labelled
/// fixtures, repeated), for the trace views' tests: a state with it open and a cache that draws
/// frames and feeds their reports back, as the loop does.
struct TraceFixtureConversation {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let conversation = Conversation(id: ConversationID("trace"), title: "并发 trace", createdAt: start)

    static let longTrace = Array(repeating: TraceFixtures.chinese.text + "\n\n" + TraceFixtures.mixed.text, count: 3)
        .joined(separator: "\n\n")

    static let messages: [Message] = {
        let answers: [(question: String, reasoning: String, tokens: Int, seconds: Double)] = [
            ("为什么 actor 里 await 之后状态会变？", longTrace, 6_120, 95),
            ("How do I dedupe a 20 GB CSV?", TraceFixtures.mixed.text, 1_480, 21.5),
            ("125! 有几个零？", TraceFixtures.english.text, 410, 6.2),
        ]
        var messages: [Message] = []
        var parent: MessageID?
        for (index, answer) in answers.enumerated() {
            let user = Message(
                id: MessageID("u\(index)"), conversationID: conversation.id, parentID: parent, role: .user,
                answer: answer.question, createdAt: start)
            let assistant = Message(
                id: MessageID("a\(index)"), conversationID: conversation.id, parentID: user.id, role: .assistant,
                reasoning: answer.reasoning, answer: "答案 \(index + 1)：见上。",
                usage: TokenUsage(
                    promptTokens: 40, completionTokens: answer.tokens + 30, reasoningTokens: answer.tokens),
                timings: ResponseTimings(
                    sent: start, firstReasoning: start, firstAnswer: start.addingTimeInterval(answer.seconds),
                    finished: start.addingTimeInterval(answer.seconds + 2)),
                createdAt: start)
            messages += [user, assistant]
            parent = assistant.id
        }
        return messages
    }()

    var state: AppState
    let cache = MessageTextCache()

    /// The conversation open at `size`, the thinking panel focused on the first answer.
    init(width: Int, height: Int, sidebar: Bool? = nil) {
        state = AppState(size: Size(width: width, height: height), providerLabel: "deepseek", modelLabel: "R1")
        _ = Reducer.reduce(&state, .conversationOpened(Self.conversation, Self.messages))
        state.selectedMessageID = MessageID("a0")
        state.focus = .thinking
        state.sidebarPreference = sidebar
    }

    mutating func press(_ keys: KeyPress...) {
        for key in keys {
            _ = Reducer.reduce(&state, .input(.key(key), at: 100))
            frame()
        }
    }

    mutating func click(x: Int, y: Int) {
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: Point(x: x, y: y))), at: 100))
        frame()
    }

    /// Draws a frame and feeds its report back.
    @discardableResult
    mutating func frame() -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        var report = ScrollReport()
        _ = RootView.render(state, into: &buffer, keymap: .standard, theme: .standard, cache: cache, report: &report)
        if !report.isEmpty { _ = Reducer.reduce(&state, .scrollResolved(report)) }
        return buffer
    }

    /// The rows of the thinking panel (title first).
    mutating func panelRows() -> [String] {
        let buffer = frame()
        guard let panel = state.layout.thinking else { return [] }
        return (panel.y..<panel.maxY).map { y in
            var row = ""
            for x in panel.x..<panel.maxX where !buffer[x, y].isContinuation { row.append(buffer[x, y].grapheme) }
            return row
        }
    }
}
