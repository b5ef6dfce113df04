import Foundation
import TestSupport
import Testing

@testable import PonderCore

@Suite struct OpenWebUIImportTests {
    let file = "open-webui-chats.json"

    @Test func reasoningBlocksAreSplitFromTheAnswerWithTheirDurations() throws {
        let plan = try OpenWebUIParser.plan(try ImportFixtures.data(file), file: file)
        #expect(plan.conversations.count == 2)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let tides = try #require(plan.conversations.first { $0.title == "Tides explained" })
        #expect(tides.pinned && !tides.archived)
        #expect(tides.model == "deepseek-r1:14b")
        let first = try #require(tides.messages.first { $0.sourceID == "a1" })
        #expect(
            first.reasoning
                == "The user asks about tides.\nThe Moon's gravity pulls the near side of the ocean > the far side.\n"
                + "Mention the Sun too & spring tides.")
        #expect(first.answer == "Tides come from the Moon's pull on the oceans.")
        #expect(first.timings.thinkingSeconds() == 7)
        #expect(first.usage.promptTokens == 12 && first.usage.completionTokens == 180)
        let blank = try #require(tides.messages.first { $0.sourceID == "a2" })
        #expect(blank.reasoning.contains("memorable.\n\nKeep the answer short."), "an empty quoted line is kept")
        let second = try #require(tides.messages.first { $0.sourceID == "a1b" })
        #expect(second.usage.reasoningTokens == 60)
    }

    @Test func branchesBecomeSiblingsAndParentsComeFirst() throws {
        let plan = try OpenWebUIParser.plan(try ImportFixtures.data(file), file: file)
        let tides = try #require(plan.conversations.first { $0.title == "Tides explained" })
        let byID = Dictionary(uniqueKeysWithValues: tides.messages.map { ($0.sourceID, $0) })
        #expect(byID["a1"]?.parentSourceID == "u1" && byID["a1b"]?.parentSourceID == "u1")
        #expect(byID["u2"]?.parentSourceID == "a1b")
        let order = tides.messages.map(\.sourceID)
        for message in tides.messages {
            if let parent = message.parentSourceID {
                #expect(order.firstIndex(of: parent)! < order.firstIndex(of: message.sourceID)!)
            }
        }
    }

    @Test func errorsInlineThinkTagsAndTheSystemPromptAreKept() throws {
        let plan = try OpenWebUIParser.plan(try ImportFixtures.data(file), file: file)
        let paper = try #require(plan.conversations.first { $0.title == "Paper summary" })
        #expect(paper.archived)
        #expect(paper.systemPrompt == "You are a careful reader.")
        let failed = try #require(paper.messages.first { $0.sourceID == "m2" })
        #expect(failed.status == .failed && failed.errorText == "Ollama: model runner has unexpectedly stopped")
        let inline = try #require(paper.messages.first { $0.sourceID == "m4" })
        #expect(inline.reasoning == "The user retries; the paper is about sparse attention.")
        #expect(inline.answer == "The paper proposes sparse attention.")
    }

    @Test func escapedQuoteMarksAndSeveralBlocks() {
        let content =
            "<details type=\"reasoning\" done=\"true\" duration=\"2\">\n<summary>Thought for 2 seconds</summary>\n"
            + "&gt; first &amp; foremost\n&gt; &lt;b&gt; stays\n</details>\n"
            + "<details type=\"tool_calls\" done=\"true\"><summary>Tool</summary></details>\n"
            + "<details type=\"reasoning\" done=\"true\" duration=\"3\">\n<summary>More</summary>\n> again\n</details>\n"
            + "Answer."
        let split = OpenWebUIReasoning.split(content)
        #expect(split.reasoning == "first & foremost\n<b> stays\n\nagain")
        #expect(split.answer.hasPrefix("<details type=\"tool_calls\""), "other details blocks stay in the answer")
        #expect(split.answer.hasSuffix("\nAnswer."))
        #expect(split.seconds == 5)
        let open = OpenWebUIReasoning.split(
            "<details type=\"reasoning\" done=\"false\">\n<summary>Thinking…</summary>\n> cut off")
        #expect(open.reasoning == "cut off" && open.answer.isEmpty && open.seconds == nil)
    }

    @Test func aSingleChatObjectIsAcceptedAndOtherJSONIsExplained() throws {
        let single =
            #"{"id": "c1", "title": "One", "chat": {"history": {"messages": {"x": {"id": "x", "role": "user", "content": "hi", "timestamp": 1700000000}}}}}"#
        let plan = try OpenWebUIParser.plan(Data(single.utf8), file: "one.json")
        #expect(plan.conversations.first?.messages.first?.answer == "hi")
        let chatgpt = try ImportFixtures.data("chatgpt-conversations.json")
        let error = #expect(throws: StoreError.self) { try OpenWebUIParser.plan(chatgpt, file: "c.json") }
        #expect(error?.message.contains("--from chatgpt") == true, "\(error?.message ?? "")")
        let string = #expect(throws: StoreError.self) {
            try OpenWebUIParser.plan(Data(#""text""#.utf8), file: "s.json")
        }
        #expect(string?.message.contains("the string “text”") == true, "\(string?.message ?? "")")
    }

    @Test func aDamagedChatIsSkippedAndNamedWhileTheRestImport() throws {
        let text =
            #"[42, {"id": "good", "title": "Fine", "chat": {"history": {"messages": {"a": {"id": "a", "role": "user", "content": "ok", "timestamp": 1}}}}}, {"id": "bad", "chat": {"title": "x"}}]"#
        let plan = try OpenWebUIParser.plan(Data(text.utf8), file: "mixed.json")
        #expect(plan.conversations.map(\.title) == ["Fine"])
        #expect(plan.problems.count == 2)
        #expect(plan.problems[0].record == "chat 1" && plan.problems[0].reason.contains("the number 42"))
        #expect(plan.problems[1].record == "chat 3 (bad)" && plan.problems[1].reason.contains("no messages"))
        #expect(plan.problems.allSatisfy { $0.file == "mixed.json" && $0.skipped })
    }
}
