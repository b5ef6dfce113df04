import Foundation
import TestSupport
import Testing

@testable import PonderCore

@Suite struct ChatGPTImportTests {
    let file = "chatgpt-conversations.json"

    @Test func thoughtsBecomeTheReasoningOfTheAnswerAfterThem() throws {
        let plan = try ChatGPTExportParser.plan(try ImportFixtures.data(file), file: file)
        let prime = try #require(plan.conversations.first { $0.title == "Is 1001 prime" })
        let answer = try #require(prime.messages.first { $0.sourceID == "a1" })
        #expect(answer.role == .assistant && answer.model == "o1")
        #expect(answer.answer == "No: 1001 = 7 × 11 × 13.")
        #expect(answer.reasoning.contains("**Checking divisibility**\n\n1001 = 7 × 11 × 13"))
        #expect(answer.reasoning.contains("So it is not prime."))
        #expect(answer.timings.thinkingSeconds() == 14)
        let regenerated = try #require(prime.messages.first { $0.sourceID == "a1b" })
        #expect(regenerated.reasoning == "**Quick check**\n\nTry 7 first: 7 × 143 = 1001.")
        #expect(regenerated.timings.thinkingSeconds() == 65, "from the recap line “1m 5s”")
    }

    @Test func branchesToolTrafficAndHiddenMessages() throws {
        let plan = try ChatGPTExportParser.plan(try ImportFixtures.data(file), file: file)
        let prime = try #require(plan.conversations.first { $0.title == "Is 1001 prime" })
        let byID = Dictionary(uniqueKeysWithValues: prime.messages.map { ($0.sourceID, $0) })
        #expect(
            Set(byID.keys) == ["q1", "a1", "a1b", "q2", "a2", "q1e", "a1e"],
            "tool calls and the hidden system message are left out")
        #expect(
            byID["a1"]?.parentSourceID == "q1" && byID["a1b"]?.parentSourceID == "q1",
            "regenerated answers are siblings")
        #expect(
            byID["q1"]?.parentSourceID == nil && byID["q1e"]?.parentSourceID == nil,
            "an edited first question is a sibling")
        #expect(byID["a2"]?.parentSourceID == "q2", "the answer after a tool call hangs from the question")
        #expect(byID["a2"]?.reasoning == "")
        #expect(prime.createdAt == Date(timeIntervalSince1970: 1_736_000_000.5))
    }

    @Test func imagesAreLeftOutAndDamagedConversationsNamed() throws {
        let plan = try ChatGPTExportParser.plan(try ImportFixtures.data(file), file: file)
        let picture = try #require(plan.conversations.first { $0.title == "Picture question" })
        #expect(picture.archived)
        #expect(picture.messages.first?.answer == "What is in this picture?")
        #expect(plan.problems.count == 1)
        #expect(plan.problems.first?.record == "conversation 3 (67c00000-0000-4000-8000-000000000000)")
        #expect(plan.problems.first?.reason.contains("no \"mapping\"") == true)
    }

    @Test func recapLinesGiveSeconds() {
        #expect(ChatGPTExportParser.recapSeconds("Thought for 12 seconds") == 12)
        #expect(ChatGPTExportParser.recapSeconds("Thought for 1m 5s") == 65)
        #expect(ChatGPTExportParser.recapSeconds("Thought for 2 minutes") == 120)
        #expect(ChatGPTExportParser.recapSeconds("Thought for a moment") == nil)
    }
}
