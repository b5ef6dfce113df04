import Foundation
import Testing

@testable import PonderCore

/// Queries of one- and two-character terms (common in Chinese), which the trigram index cannot
/// answer: all titles and the newest `shortQueryMessageWindow` messages are scanned.
@Suite struct StoreShortQueryTests {
    @Test func oneCharacterChineseQueryFindsTitlesAnswersAndThinking() throws {
        let store = try ConversationStore.inMemory()
        for item in [
            sampleConversation(title: "读写锁的选择", reasoning: "先想一想。", answer: "看情况。"),
            sampleConversation(title: "晚餐", reasoning: "互斥锁会阻塞线程。", answer: "用通道。"),
            sampleConversation(title: "天气", reasoning: "看云。", answer: "自旋锁适合短临界区。"),
            sampleConversation(title: "无关", reasoning: "没有。", answer: "没有。"),
        ] {
            try store.saveAll(conversations: [item.0], messages: item.1)
        }
        let hits = try store.search("锁")
        #expect(hits.map(\.field) == [.title, .answer, .reasoning])
        #expect(hits.map(\.conversationTitle) == ["读写锁的选择", "天气", "晚餐"])
        let reasoning = try #require(hits.last)
        #expect(reasoning.characterOffset == 2)
        let highlight = try #require(reasoning.snippet.highlights.first)
        #expect(String(Array(reasoning.snippet.text)[highlight]) == "锁")
        #expect(try store.search("鎖").isEmpty)
        #expect(ConversationStore.searchesRecentMessagesOnly("锁"))
        #expect(ConversationStore.searchesRecentMessagesOnly("锁 并发"))
        #expect(!ConversationStore.searchesRecentMessagesOnly("互斥锁"))
        #expect(!ConversationStore.searchesRecentMessagesOnly("  "))
    }

    @Test func messagesOlderThanTheWindowNeedALongerQueryButTitlesAlwaysMatch() throws {
        let store = try ConversationStore.inMemory()
        let old = sampleConversation(title: "龙的传说", reasoning: "想起了龙虾汤。", answer: "古老的答案。")
        try store.saveAll(conversations: [old.0], messages: old.1)
        var conversations: [Conversation] = []
        var messages: [Message] = []
        for index in 0..<(ConversationStore.shortQueryMessageWindow / 2 + 1) {
            let item = sampleConversation(title: "话题 \(index)", reasoning: "普通的思考。", answer: "普通的回答。")
            conversations.append(item.0)
            messages += item.1
        }
        try store.saveAll(conversations: conversations, messages: messages)
        let recent = sampleConversation(title: "新的", reasoning: "最近也想到龙。", answer: "好。")
        try store.saveAll(conversations: [recent.0], messages: recent.1)

        let short = try store.search("龙")
        #expect(short.map(\.conversationTitle) == ["龙的传说", "新的"])
        #expect(short.map(\.field) == [.title, .reasoning])
        // Three characters use the index, which reaches every message however old.
        let long = try store.search("龙虾汤")
        #expect(long.map(\.conversationID) == [old.0.id])
        #expect(long.first?.field == .reasoning)
    }
}
