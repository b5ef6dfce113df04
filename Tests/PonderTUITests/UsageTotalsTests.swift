import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// The status bar adds up tokens and cost over the conversation and over the app's run.
@Suite struct UsageTotalsTests {
    static func statusLine(_ state: AppState) -> String { NoticeTests.statusLine(state) }

    /// Streams one answer with `usage` into `conversation` and ends it.
    static func answer(
        _ state: inout AppState, in conversation: Conversation, after parent: Message?, usage: TokenUsage
    ) -> Message {
        let question = Message(conversationID: conversation.id, parentID: parent?.id, role: .user, answer: "q")
        let answer = Message(
            conversationID: conversation.id, parentID: question.id, role: .assistant, status: .streaming)
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: question, assistant: answer))
        var update = StreamUpdate(messageID: answer.id, at: Date())
        update.answer = "a"
        update.answerChunks = 1
        update.usage = usage
        _ = Reducer.reduce(&state, .streamUpdated(update))
        _ = Reducer.reduce(&state, .streamEnded(.ending(answer, .complete)))
        return answer
    }

    @Test func theConversationAndTheSessionTotalsAreShown() {
        var state = AppState(size: Size(width: 220, height: 30), providerLabel: "deepseek", modelLabel: "r")
        state.prices = TokenPrices(input: 1, output: 2)
        let first = Conversation(title: "one")
        let one = Self.answer(
            &state, in: first, after: nil, usage: TokenUsage(promptTokens: 1_000, completionTokens: 500))
        _ = Self.answer(&state, in: first, after: one, usage: TokenUsage(promptTokens: 2_000, completionTokens: 1_000))
        // 4,500 tokens; (3,000 × 1 + 1,500 × 2) / 1e6 = $0.0060.
        var line = Self.statusLine(state)
        #expect(line.contains("Σ chat 4,500 tok $0.0060"))
        #expect(!line.contains("session"))
        let second = Conversation(title: "two")
        _ = Self.answer(&state, in: second, after: nil, usage: TokenUsage(promptTokens: 100, completionTokens: 50))
        line = Self.statusLine(state)
        #expect(line.contains("Σ session 4,650 tok $0.0062"), "one answer: its own figures are the chat's")
        #expect(!line.contains("chat 150"))
    }

    @Test func totalsAddFieldByField() {
        let total = TokenUsage.total([
            TokenUsage(promptTokens: 1, completionTokens: 2), TokenUsage(completionTokens: 3, reasoningTokens: 1),
        ])
        #expect(total == TokenUsage(promptTokens: 1, completionTokens: 5, reasoningTokens: 1))
        #expect(total.totalTokens == 6)
        #expect(TokenUsage().totalTokens == nil)
    }
}

/// The status bar and the reasoning headers say whose token figures they show.
@Suite struct CountedFiguresViewTests {
    @Test func countedFiguresAreSaidToBeCountedAndReportedOnesReported() {
        var state = AppState(size: Size(width: 200, height: 30))
        let conversation = Conversation(title: "t")
        let question = Message(conversationID: conversation.id, role: .user, answer: "q")
        var answer = Message(
            conversationID: conversation.id, parentID: question.id, role: .assistant, reasoning: "let me think",
            answer: "four", usage: TokenUsage(completionTokens: 30, reasoningTokens: 25, counted: true))
        answer.timings = ResponseTimings(
            sent: Date(timeIntervalSince1970: 0), firstReasoning: Date(timeIntervalSince1970: 1),
            firstAnswer: Date(timeIntervalSince1970: 3), finished: Date(timeIntervalSince1970: 4))
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [question, answer]))
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        var screen = buffer.lines().joined(separator: "\n")
        #expect(screen.contains("25 tokens (counted)"))
        #expect(screen.contains("10 tok/s · counted"))
        #expect(!screen.contains("0 tokens ·"))
        answer.usage.counted = false
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [question, answer]))
        buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        screen = buffer.lines().joined(separator: "\n")
        #expect(!screen.contains("(counted)"))
        #expect(screen.contains("10 tok/s · reported"))
    }

    @Test func aReportedZeroBesideReasoningIsNotShownAsZeroTokens() {
        let message = Message(
            conversationID: ConversationID("c"), role: .assistant, reasoning: "thought",
            usage: TokenUsage(completionTokens: 10, reasoningTokens: 0))
        #expect(ReasoningSummary.tokens(of: message, stream: nil) == nil)
    }
}
