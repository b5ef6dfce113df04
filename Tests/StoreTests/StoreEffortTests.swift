import Foundation
import PonderCore
import Testing

/// The per-conversation effort figures the browser's bars are drawn from.
@Suite struct StoreEffortTests {
    @Test func reasoningTokensAndThinkingTimeAddUpPerConversation() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let (reported, reportedMessages) = sampleConversation()
        let (estimated, estimatedMessages) = sampleConversation(
            title: "Estimated", reasoning: String(repeating: "abc", count: 10) + "一二三四五", answer: "ok")
        var unreported = estimatedMessages
        unreported[1].usage = TokenUsage()
        var second = unreported[1]
        second.id = .make()
        second.reasoning = "一二三四五六七八九十"
        second.timings = ResponseTimings()
        let (empty, emptyMessages) = sampleConversation(title: "Empty")
        try store.saveAll(
            conversations: [reported, estimated, empty],
            messages: reportedMessages + unreported + [second] + [emptyMessages[0]])

        let effort = try store.effort(of: [reported.id, estimated.id, empty.id, ConversationID.make()])
        #expect(effort.count == 2, "conversations without answers have no figure")
        let first = try #require(effort[reported.id])
        #expect(first.answers == 1 && first.reasoningTokens == 700 && !first.reasoningTokensEstimated)
        #expect(abs(first.thinkingSeconds - 10.5) < 0.001)
        let other = try #require(effort[estimated.id])
        #expect(other.answers == 2 && other.reasoningTokensEstimated)
        let expected =
            TokenEstimate.tokens(unreported[1].reasoning) + TokenEstimate.tokens(second.reasoning)
        #expect(other.reasoningTokens == expected)
        #expect(abs(other.thinkingSeconds - 10.5) < 0.001)
    }
}
