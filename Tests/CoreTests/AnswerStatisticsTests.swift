import Foundation
import PonderCore
import Testing

/// Per-answer figures, a conversation's answers by effort, and the bar that draws them.
@Suite struct AnswerStatisticsTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    let conversation = ConversationID.make()

    func answer(reasoning: String, usage: TokenUsage = TokenUsage(), thinking: Double = 10, total: Double = 20)
        -> Message
    {
        Message(
            conversationID: conversation, role: .assistant, reasoning: reasoning, answer: "It is 5.", usage: usage,
            timings: ResponseTimings(
                sent: start, firstByte: start, firstReasoning: start, firstAnswer: start.addingTimeInterval(thinking),
                finished: start.addingTimeInterval(total)))
    }

    @Test func reportedFiguresAndTheOutline() {
        let reasoning = "Add 2 and 3.\n\nWait, is it 5? Let me check: yes.\n\nSo the answer is 5."
        let message = answer(reasoning: reasoning, usage: TokenUsage(completionTokens: 900, reasoningTokens: 700))
        let figures = AnswerStatistics(message: message, outline: TraceOutline(text: reasoning))
        #expect(figures.thinkingSeconds == 10)
        #expect(figures.reasoningTokens == 700 && !figures.reasoningTokensEstimated)
        #expect(figures.answerTokens == 200 && !figures.answerTokensEstimated)
        #expect(figures.tokensPerSecond == 45)
        #expect(figures.steps == 3)
        #expect(figures.reflectionPoints == 3)
        #expect(figures.pointsByKind == [.reflection: 1, .verification: 1, .conclusion: 1])
        #expect(figures.summary == "thought 10.0 s · 700 tokens · 45 tok/s · 3 steps · 3 reflection points")
        let lines = Dictionary(uniqueKeysWithValues: figures.lines.map { ($0.label, $0.value) })
        #expect(lines["answer tokens"] == "200")
        #expect(lines["  ↩ backtracking"] == "0")
        #expect(lines["  ✓ verification"] == "1")
    }

    @Test func withoutReportedCountsTheFiguresAreEstimates() {
        let reasoning = String(repeating: "abcdefghij", count: 100)
        let message = answer(reasoning: reasoning, thinking: 75, total: 3_700)
        let figures = AnswerStatistics(message: message, outline: nil)
        #expect(figures.reasoningTokens == 300 && figures.reasoningTokensEstimated)
        #expect(figures.answerTokens == 2 && figures.answerTokensEstimated)
        #expect(figures.summary.hasPrefix("thought 1 min 15 s · ~300 tokens · "))
        let streamed = AnswerStatistics(message: message, outline: nil, streamedReasoningChunks: 412)
        #expect(streamed.reasoningTokens == 412 && streamed.reasoningTokensEstimated)
        #expect(AnswerStatistics.seconds(3_725) == "1 h 02 min")
        #expect(AnswerStatistics.count(1_234_567) == "1,234,567")
        #expect(AnswerStatistics.count(-1_000) == "-1,000")
    }

    @Test func whileThinkingTheClocksRunToNow() {
        var message = answer(reasoning: "Hmm.")
        message.timings.firstAnswer = nil
        message.timings.finished = nil
        let figures = AnswerStatistics(message: message, outline: nil, now: start.addingTimeInterval(4))
        #expect(figures.thinkingSeconds == 4)
        #expect(figures.tokensPerSecond != nil)
        #expect(AnswerStatistics(message: message, outline: nil).thinkingSeconds == nil)
    }

    @Test func everyAnswerWithItsQuestion() {
        let first = Message(conversationID: conversation, role: .user, answer: "What is\n2 + 3?\u{1B}[31m")
        let reply = Message(
            conversationID: conversation, parentID: first.id, role: .assistant, reasoning: "一二三四五",
            usage: TokenUsage(reasoningTokens: nil),
            timings: ResponseTimings(firstReasoning: start, firstAnswer: start.addingTimeInterval(2)))
        let again = Message(
            conversationID: conversation, parentID: first.id, role: .assistant, reasoning: "x", status: .cancelled,
            usage: TokenUsage(completionTokens: 60, reasoningTokens: 50))
        let efforts = AnswerEffort.answers(in: [first, reply, again])
        #expect(efforts.map(\.id) == [reply.id, again.id])
        #expect(efforts[0].question == "What is 2 + 3?␛[31m")
        #expect(efforts[0].reasoningTokens == 3 && efforts[0].reasoningTokensEstimated)
        #expect(efforts[0].thinkingSeconds == 2)
        #expect(efforts[1].reasoningTokens == 50 && !efforts[1].reasoningTokensEstimated)
        #expect(efforts[1].status == .cancelled)
    }

    @Test func barsInEighths() {
        #expect(EffortBar.bar(1, of: 1, width: 4) == "████")
        #expect(EffortBar.bar(0.5, of: 1, width: 3) == "█▌")
        #expect(EffortBar.bar(7, of: 8, width: 1) == "▉")
        #expect(EffortBar.bar(0.001, of: 1, width: 10) == "▏")
        #expect(EffortBar.bar(0, of: 1, width: 10) == "")
        #expect(EffortBar.bar(5, of: 0, width: 10) == "")
        #expect(EffortBar.bar(2, of: 1, width: 2) == "██", "never longer than the width")
    }
}
