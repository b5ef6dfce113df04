import Foundation
import Testing

@testable import PonderCore

@Suite struct ConversationStoreTests {
    @Test func conversationAndMessagesRoundTripExactly() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try store.save(conversation)
        for message in messages { try store.save(message, writer: .current, now: conversation.updatedAt) }
        #expect(try store.conversation(conversation.id) == conversation)
        #expect(try store.messages(in: conversation.id) == messages)
        #expect(try store.message(messages[1].id) == messages[1])
    }

    @Test func emptyOptionalFieldsStayEmpty() throws {
        let store = try ConversationStore.inMemory()
        let conversation = Conversation()
        try store.save(conversation)
        let message = Message(conversationID: conversation.id, role: .system, answer: "You are terse.")
        try store.save(message)
        #expect(try store.messages(in: conversation.id) == [message])
        #expect(try store.conversation(conversation.id)?.provider == nil)
    }

    @Test func savingAMessageBumpsTheConversation() throws {
        let store = try ConversationStore.inMemory()
        let old = Date(timeIntervalSinceNow: -3600)
        let conversation = Conversation(createdAt: old)
        try store.save(conversation)
        try store.save(Message(conversationID: conversation.id, role: .user, answer: "hi"))
        let updated = try #require(try store.conversation(conversation.id)).updatedAt
        #expect(updated.timeIntervalSince(old) > 3000)
    }

    @Test func messageForAnUnknownConversationIsRefusedClearly() throws {
        let store = try ConversationStore.inMemory()
        let error = #expect(throws: StoreError.self) {
            try store.save(Message(conversationID: ConversationID("missing"), role: .user, answer: "hi"))
        }
        #expect(error?.kind == .invalidData)
        #expect(error?.message.contains("missing") == true)
    }

    @Test func listingPutsPinnedFirstThenMostRecentAndHidesArchived() throws {
        let store = try ConversationStore.inMemory()
        let base = Date(timeIntervalSinceReferenceDate: 780_000_000)
        let old = Conversation(title: "old", createdAt: base)
        let recent = Conversation(title: "recent", createdAt: base.addingTimeInterval(100))
        let pinned = Conversation(title: "pinned", createdAt: base.addingTimeInterval(-100), pinned: true)
        let archived = Conversation(title: "archived", createdAt: base.addingTimeInterval(200), archived: true)
        try store.saveAll(conversations: [old, recent, pinned, archived], messages: [])
        try store.saveAll(
            conversations: [],
            messages: [
                Message(conversationID: recent.id, role: .user, answer: "a", createdAt: base),
                Message(conversationID: recent.id, role: .assistant, answer: "b", createdAt: base),
            ])
        let listed = try store.listConversations()
        #expect(listed.map(\.conversation.title) == ["pinned", "recent", "old"])
        #expect(listed.map(\.messageCount) == [0, 2, 0])
        #expect(try store.listConversations(includeArchived: true).map(\.conversation.title).contains("archived"))
        #expect(try store.listConversations(limit: 1, offset: 1).map(\.conversation.title) == ["recent"])
    }

    @Test func renamePinAndArchive() throws {
        let store = try ConversationStore.inMemory()
        let conversation = Conversation(title: "before")
        try store.save(conversation)
        try store.rename(conversation.id, to: "after")
        try store.setPinned(conversation.id, true)
        try store.setArchived(conversation.id, true)
        let stored = try #require(try store.conversation(conversation.id))
        #expect(stored.title == "after" && stored.pinned && stored.archived)
        #expect(throws: StoreError.self) { try store.rename(ConversationID("nope"), to: "x") }
    }

    @Test func deleteCanBeUndoneExactly() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try store.saveAll(conversations: [conversation], messages: messages)
        let deleted = try store.delete(conversation.id)
        #expect(try store.conversation(conversation.id) == nil)
        #expect(try store.messages(in: conversation.id).isEmpty)
        #expect(try store.search("reentrant").isEmpty)
        try store.restore(deleted)
        #expect(try store.conversation(conversation.id) == conversation)
        #expect(try store.messages(in: conversation.id) == messages)
        #expect(try store.search("reentrant").count == 1)
    }

    @Test func foldStateIsRemembered() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try store.saveAll(conversations: [conversation], messages: messages)
        try store.setReasoningFolded(messages[1].id, false)
        #expect(try store.message(messages[1].id)?.reasoningFolded == false)
        try store.setReasoningFolded(messages[1].id, nil)
        #expect(try store.message(messages[1].id)?.reasoningFolded == nil)
        #expect(throws: StoreError.self) { try store.setReasoningFolded(MessageID("nope"), true) }
    }

    @Test func branchesKeepTheirParents() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        let regenerated = Message(
            conversationID: conversation.id, parentID: messages[0].id, role: .assistant, answer: "Second try",
            createdAt: messages[1].createdAt.addingTimeInterval(5))
        try store.saveAll(conversations: [conversation], messages: messages + [regenerated])
        let stored = try store.messages(in: conversation.id)
        #expect(stored.filter { $0.parentID == messages[0].id }.map(\.id) == [messages[1].id, regenerated.id])
    }

    @Test func changeCounterMovesOnEveryCommit() throws {
        let store = try ConversationStore.inMemory()
        let before = try store.changeCounter()
        #expect(try store.changeCounter() == before)
        let conversation = Conversation(title: "x")
        try store.save(conversation)
        let afterSave = try store.changeCounter()
        #expect(afterSave != before)
        try store.rename(conversation.id, to: "y")
        #expect(try store.changeCounter() != afterSave)
    }
}
