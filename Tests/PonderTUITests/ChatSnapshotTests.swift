import Foundation
import PonderCore
import PonderTUI
import Testing

/// The chat screen at three sizes, with Chinese and emoji: while thinking, while answering,
/// folded and unfolded reasoning, the collapsed panel, and the narrow inline mode.
@Suite struct ChatSnapshotTests {
    static let sizes = [(40, 12), (80, 24), (160, 48)]
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let conversation = Conversation(id: ConversationID("c1"), title: "量子计算 ⚛️ \u{1B}[31mtitle", createdAt: start)

    static let earlier: [Message] = [
        Message(
            id: MessageID("u1"), conversationID: conversation.id, role: .user, answer: "什么是量子纠缠？🤔",
            createdAt: start),
        Message(
            id: MessageID("a1"), conversationID: conversation.id, parentID: MessageID("u1"), role: .assistant,
            reasoning: "让我想想🤔，第一步：回忆定义。\n\n第二步：举例 👨‍👩‍👧 说明。",
            answer: "# 量子纠缠\n\n两个粒子的状态**相互关联**，用 `bell` 态描述：\n\n```python\nprint(\"纠缠 ✨\")\n```\n\n- 测量一个\n- 另一个随之确定",
            usage: TokenUsage(promptTokens: 12, completionTokens: 2_400, reasoningTokens: 2_310),
            timings: ResponseTimings(
                firstReasoning: start, firstAnswer: start.addingTimeInterval(14.2),
                finished: start.addingTimeInterval(20)),
            createdAt: start),
    ]

    /// A state with the earlier exchange and a second question being answered.
    static func state(width: Int, height: Int, phase: RequestPhase) -> AppState {
        var state = AppState(size: Size(width: width, height: height), providerLabel: "deepseek", modelLabel: "R1 🧠")
        state.listing = ConversationListing(
            summaries: [conversation, Conversation(title: "Rust 🦀")].map {
                ConversationSummary(conversation: $0, messageCount: 0)
            })
        _ = Reducer.reduce(&state, .conversationOpened(conversation, earlier))
        let user = Message(
            id: MessageID("u2"), conversationID: conversation.id, parentID: MessageID("a1"), role: .user,
            answer: "再解释一下 emoji 😀 宽度",
            createdAt: start)
        let assistant = Message(
            id: MessageID("a2"), conversationID: conversation.id, parentID: user.id, role: .assistant,
            status: .streaming, createdAt: start.addingTimeInterval(30))
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: user, assistant: assistant))
        var update = StreamUpdate(messageID: assistant.id, at: start.addingTimeInterval(42.3))
        update.reasoning = String(repeating: "正在思考宽字符与组合符号 é 🧪。", count: 12)
        update.reasoningChunks = 1_234
        update.timings = ResponseTimings(
            sent: start.addingTimeInterval(30), firstReasoning: start.addingTimeInterval(30))
        update.phase = .thinking
        if phase == .answering {
            update.answer = "宽度：中文占 **2** 列，emoji 😀 也占 2 列。"
            update.answerChunks = 20
            update.timings?.firstAnswer = start.addingTimeInterval(40)
            update.phase = .answering
        }
        _ = Reducer.reduce(&state, .streamUpdated(update))
        return state
    }

    static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer
    }

    @Test(arguments: sizes)
    func thinking(width: Int, height: Int) throws {
        let state = Self.state(width: width, height: height, phase: .thinking)
        try SnapshotAssertion.assertMatches(Self.render(state), named: "chat-thinking-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func answering(width: Int, height: Int) throws {
        let state = Self.state(width: width, height: height, phase: .answering)
        try SnapshotAssertion.assertMatches(Self.render(state), named: "chat-answering-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func unfoldedReasoning(width: Int, height: Int) throws {
        var state = Self.state(width: width, height: height, phase: .answering)
        _ = Reducer.reduce(&state, .input(.key(.ctrl("o")), at: 0))
        #expect(state.messages.filter { $0.role == .assistant }.allSatisfy { !state.isFolded($0) })
        try SnapshotAssertion.assertMatches(Self.render(state), named: "chat-unfolded-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func collapsedPanel(width: Int, height: Int) throws {
        var state = Self.state(width: width, height: height, phase: .answering)
        _ = Reducer.reduce(&state, .input(.key(.ctrl("t")), at: 0))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "chat-collapsed-\(width)x\(height)")
    }

    @Test func narrowTerminalShowsLiveReasoningInline() throws {
        let state = Self.state(width: 50, height: 20, phase: .thinking)
        #expect(state.layout.thinking == nil)
        let buffer = Self.render(state)
        #expect(buffer.lines().joined().contains("┊ 正在思考"))
        try SnapshotAssertion.assertMatches(buffer, named: "chat-inline-50x20")
    }

    /// After the last token and before the final save: the bar says "saving…", not "done", and a question
    /// sent in that moment waits in the editor under the notice that it goes once the answer is saved.
    @Test func theBarSaysSavingUntilTheTurnEnds() throws {
        var state = Self.state(width: 80, height: 24, phase: .answering)
        var last = StreamUpdate(messageID: MessageID("a2"), at: Self.start.addingTimeInterval(44))
        last.phase = .finished(.stop)
        _ = Reducer.reduce(&state, .streamUpdated(last))
        let bar = Self.render(state).lines().last ?? ""
        #expect(bar.contains("saving…"))
        #expect(!bar.contains("done"))
        for character in "下一个" { _ = Reducer.reduce(&state, .input(.key(.character(character)), at: 0)) }
        _ = Reducer.reduce(&state, .input(.key(KeyPress(.enter)), at: 0))
        let buffer = Self.render(state)
        #expect(buffer.lines().contains { $0.contains("› 下一个") })
        #expect(buffer.lines().last?.contains("sends as soon as it is saved") == true)
        try SnapshotAssertion.assertMatches(buffer, named: "chat-saving-80x24")
    }

    @Test func finishedScreenWithStyles() throws {
        var state = Self.state(width: 80, height: 24, phase: .answering)
        _ = Reducer.reduce(&state, .streamEnded(.ending(state.messages[state.messages.count - 1], .cancelled)))
        try SnapshotAssertion.assertMatches(
            Self.render(state), named: "chat-cancelled-styles-80x24", includeStyles: true)
    }
}
