import Foundation
import PonderCore
import TestSupport
import Testing

@Suite struct ThinkTagImportTests {
    let modified = Date(timeIntervalSince1970: 1_740_000_000)

    @Test func markdownTurnsAreSplitAtSpeakerHeadingsAndThinkTagsSplitOut() throws {
        let file = "think-transcript.md"
        let plan = try ThinkTagParser.plan(try ImportFixtures.data(file), file: file, modified: modified)
        let conversation = try #require(plan.conversations.first)
        #expect(conversation.title == "Sorting a linked list")
        #expect(conversation.messages.map(\.role) == [.user, .assistant, .user, .assistant])
        #expect(conversation.messages[1].reasoning.hasPrefix("Arrays favour quicksort"))
        #expect(conversation.messages[1].answer.hasPrefix("Use **merge sort**"))
        #expect(conversation.messages[1].answer.contains("// ## User"), "a heading inside a code fence is text")
        #expect(conversation.messages[3].reasoning == "Insertion sort shines when few elements are out of place.")
        #expect(conversation.messages[3].answer == "Insertion sort, which runs in close to linear time there.")
        #expect(conversation.messages[2].parentSourceID == conversation.messages[1].sourceID)
    }

    @Test func jsonLinesOfChatsKeepTitlesModelsAndSeparateReasoning() throws {
        let file = "think-chats.jsonl"
        let plan = try ThinkTagParser.plan(try ImportFixtures.data(file), file: file, modified: modified)
        #expect(plan.conversations.count == 2)
        let capital = plan.conversations[0]
        #expect(capital.title == "Capital of Australia" && capital.model == "deepseek-r1:7b")
        #expect(capital.messages.map(\.role) == [.system, .user, .assistant])
        #expect(capital.messages[2].reasoning == "Not Sydney, a common mistake. It is Canberra.")
        #expect(capital.messages[2].answer == "Canberra.")
        let sum = plan.conversations[1]
        #expect(sum.messages[0].answer == "2 + 2?")
        #expect(sum.title == "2 + 2?", "untitled chats are titled by their first question")
        #expect(sum.messages[1].reasoning == "Simple addition: two plus two is four." && sum.messages[1].answer == "4")
    }

    @Test func theSameTextGivesTheSameIdsSoReimportingAddsNothing() throws {
        let data = try ImportFixtures.data("think-chats.jsonl")
        let first = try ThinkTagParser.plan(data, file: "a.jsonl", modified: modified)
        let second = try ThinkTagParser.plan(data, file: "b.jsonl", modified: Date())
        #expect(first.conversations.map(\.sourceID) == second.conversations.map(\.sourceID))
        let store = try ConversationStore.inMemory()
        #expect(try store.importPlan(first).newConversations == 2)
        let again = try store.importPlan(second)
        #expect(again.newConversations == 0 && again.alreadyHere == 2 && again.newMessages == 0)
    }

    @Test func aPlainFileIsOneAnswerAndAJSONObjectWithoutMessagesIsExplained() throws {
        let plain = try ThinkTagParser.plan(Data("<think>why</think>because".utf8), file: "raw.txt", modified: modified)
        #expect(plain.conversations.first?.messages.first?.reasoning == "why")
        #expect(plain.conversations.first?.messages.first?.answer == "because")
        let error = #expect(throws: StoreError.self) {
            try ThinkTagParser.plan(Data(#"{"prompt": "x"}"#.utf8), file: "odd.json", modified: modified)
        }
        #expect(
            error?.message.contains("odd.json: it is a JSON object with the keys prompt") == true,
            "\(error?.message ?? "")")
    }

    @Test func boldAndPlainSpeakerLabels() throws {
        let text = "**User:** hello there\n\n**Assistant:**\n<think>greet back</think>Hi!\n\nUser:\nbye"
        let plan = try ThinkTagParser.plan(Data(text.utf8), file: "t.md", modified: modified)
        let messages = try #require(plan.conversations.first?.messages)
        #expect(messages.map(\.answer) == ["hello there", "Hi!", "bye"])
        #expect(messages[1].reasoning == "greet back")
    }
}
