import Foundation
import Testing

@testable import PonderCore

@Suite struct StoreSearchTests {
    private func store(with items: [(Conversation, [Message])]) throws -> ConversationStore {
        let store = try ConversationStore.inMemory()
        for (conversation, messages) in items {
            try store.saveAll(conversations: [conversation], messages: messages)
        }
        return store
    }

    @Test func answerHitHasSnippetHighlightAndOffset() throws {
        let answer = "Background first. Then: actors are reentrant at every await, so state may change."
        let store = try store(with: [sampleConversation(answer: answer)])
        let hits = try store.search("REENTRANT")
        let hit = try #require(hits.first)
        #expect(hits.count == 1)
        #expect(hit.field == .answer)
        #expect(hit.conversationTitle == "Actor reentrancy")
        let expectedOffset = answer.distance(from: answer.startIndex, to: answer.range(of: "reentrant")!.lowerBound)
        #expect(hit.characterOffset == expectedOffset)
        let highlight = try #require(hit.snippet.highlights.first)
        let snippet = Array(hit.snippet.text)
        #expect(String(snippet[highlight]).lowercased() == "reentrant")
    }

    @Test func reasoningOnlyHitSaysItIsInTheThinking() throws {
        let store = try store(with: [
            sampleConversation(reasoning: "Wait, maybe the deadlock comes from the semaphore.", answer: "Use a task.")
        ])
        let hit = try #require(try store.search("semaphore").first)
        #expect(hit.field == .reasoning)
        #expect(hit.messageID != nil)
        #expect(hit.characterOffset == 40)
    }

    @Test func titleHitsHaveNoMessage() throws {
        let store = try store(with: [sampleConversation(title: "Quaternion rotation")])
        let hit = try #require(try store.search("quaternion").first)
        #expect(hit.field == .title)
        #expect(hit.messageID == nil)
    }

    @Test func rankingPrefersDenserMatches() throws {
        let store = try store(with: [
            sampleConversation(title: "a", answer: "lifetimes once, then many unrelated words about other topics"),
            sampleConversation(title: "b", answer: "lifetimes lifetimes lifetimes"),
        ])
        let hits = try store.search("lifetimes")
        #expect(hits.map(\.conversationTitle) == ["b", "a"])
        #expect(hits[0].rank > hits[1].rank)
    }

    @Test func chineseQueriesOfThreeOrMoreCharactersUseTheIndex() throws {
        let reasoning = "首先考虑并发模型的内存可见性问题。"
        let store = try store(with: [sampleConversation(reasoning: reasoning, answer: "结论：使用原子操作。")])
        let hit = try #require(try store.search("内存可见性").first)
        #expect(hit.field == .reasoning)
        #expect(hit.characterOffset == 9)
        #expect(try store.search("原子操作").first?.field == .answer)
        #expect(try store.search("量子力学").isEmpty)
    }

    @Test func shortChineseWordsAreFoundToo() throws {
        let store = try store(with: [
            sampleConversation(title: "线程", reasoning: "考虑并发。", answer: "用锁。"),
            sampleConversation(title: "other", reasoning: "无关", answer: "无关"),
        ])
        let hits = try store.search("并发")
        #expect(hits.count == 1)
        #expect(hits.first?.field == .reasoning)
        #expect(hits.first?.characterOffset == 2)
        #expect(try store.search("线程").first?.field == .title)
        #expect(try store.search("锁").first?.field == .answer)
        #expect(try store.search("不在").isEmpty)
    }

    @Test func shortTermsFilterIndexedHits() throws {
        let store = try store(with: [
            sampleConversation(title: "one", answer: "swift concurrency in go"),
            sampleConversation(title: "two", answer: "swift concurrency in rust"),
        ])
        #expect(try store.search("concurrency go").map(\.conversationTitle) == ["one"])
        #expect(try store.search("\"concurrency in rust\"").map(\.conversationTitle) == ["two"])
    }

    @Test func archivedConversationsOnlyOnRequest() throws {
        var item = sampleConversation(answer: "zeppelin")
        item.0.archived = true
        let store = try store(with: [item])
        #expect(try store.search("zeppelin").isEmpty)
        #expect(try store.search("zeppelin", includeArchived: true).count == 1)
        #expect(try store.search("ze", includeArchived: true).count == 1)
    }

    @Test func streamingMessagesAreIndexedWhenTheyLeaveStreaming() throws {
        let (conversation, sample) = sampleConversation(reasoning: "pondering the manifold", answer: "")
        var messages = sample
        messages[1].status = .streaming
        let store = try store(with: [(conversation, messages)])
        #expect(try store.search("manifold").isEmpty)
        messages[1].reasoning += " and the bundle"
        messages[1].status = .complete
        try store.save(messages[1])
        #expect(try store.search("manifold").count == 1)
        #expect(try store.search("bundle").count == 1)
        try store.rename(conversation.id, to: "Fibre bundles")
        #expect(try store.search("fibre").first?.field == .title)
        #expect(try store.search("Actor reentrancy").allSatisfy { $0.field != .title })
    }

    @Test func editingAnIndexedMessageReplacesItsEntries() throws {
        let (conversation, sample) = sampleConversation(answer: "first version about walruses")
        var messages = sample
        let store = try store(with: [(conversation, messages)])
        messages[1].answer = "second version about narwhals"
        try store.save(messages[1])
        #expect(try store.search("walruses").isEmpty)
        #expect(try store.search("narwhals").count == 1)
        try store.delete(conversation.id)
        #expect(try store.search("narwhals").isEmpty)
    }

    @Test func interruptedStreamsBecomeSearchable() throws {
        let (conversation, sample) = sampleConversation(reasoning: "thinking about ellipsoids", answer: "")
        var messages = sample
        messages[1].status = .streaming
        let store = try ConversationStore.inMemory()
        try store.save(conversation)
        try store.save(messages[0])
        try store.save(messages[1], writer: ProcessIdentity(pid: Int32.max - 1, startTicks: 1))
        #expect(try store.search("ellipsoids").isEmpty)
        #expect(try store.markAbandonedStreamsInterrupted() == 1)
        let message = try #require(try store.message(messages[1].id))
        #expect(message.status == .interrupted)
        #expect(message.reasoning == "thinking about ellipsoids")
        #expect(try store.search("ellipsoids").count == 1)
    }

    @Test func ownStreamsAreNotSwept() throws {
        let (conversation, sample) = sampleConversation()
        var messages = sample
        messages[1].status = .streaming
        let store = try store(with: [(conversation, messages)])
        #expect(try store.markAbandonedStreamsInterrupted() == 0)
        #expect(try store.message(messages[1].id)?.status == .streaming)
    }

    @Test func queriesWithSpecialCharactersAreSafe() throws {
        let store = try store(with: [sampleConversation(answer: "100% of \"quoted\" text_with_underscores OR NOT")])
        #expect(try store.search("100%").count == 1)
        #expect(try store.search("text_with").count == 1)
        #expect(try store.search("OR NOT").count == 1)
        #expect(try store.search("\"").isEmpty)
        #expect(try store.search("   ").isEmpty)
        #expect(try store.search("%").count == 1)
    }

    @Test func hitsBeyondTheFirstPageOfCandidatesAreFound() throws {
        var items: [(Conversation, [Message])] = []
        for index in 0..<100 {
            var item = sampleConversation(title: "archived \(index)", answer: "walrus walrus walrus")
            item.0.archived = true
            items.append(item)
        }
        for index in 0..<3 {
            items.append(
                sampleConversation(
                    title: "kept \(index)", answer: "a walrus among many other words that dilute its weight"))
        }
        let store = try store(with: items)
        let hits = try store.search("walrus", limit: 5)
        #expect(hits.map(\.conversationTitle).sorted() == ["kept 0", "kept 1", "kept 2"])
        #expect(try store.search("walrus", limit: 200, includeArchived: true).count == 103)
    }
}
