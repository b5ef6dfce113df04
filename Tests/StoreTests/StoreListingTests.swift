import Foundation
import GRDB
import Testing

@testable import PonderCore

@Suite struct StoreListingTests {
    private func count(_ store: ConversationStore, _ id: ConversationID) throws -> Int? {
        try store.listConversations(includeArchived: true, limit: 1000).first { $0.id == id }?.messageCount
    }

    /// Conversations and messages are read by the place of each column in the row: every field, each
    /// with a value its neighbours of the same type do not share, comes back as saved through each read.
    @Test func everyFieldComesBackThroughEachRead() throws {
        let store = try ConversationStore.inMemory()
        var (conversation, messages) = ConversationControlsStoreTests.sample()
        conversation.pinned = true
        messages[1].errorText = "Cut short by the provider."
        messages[1].status = .interrupted
        messages[1].usage.counted = true
        try store.saveAll(conversations: [conversation], messages: messages)

        let listed = try store.listConversations(includeArchived: true, limit: 10)
        #expect(listed == [ConversationSummary(conversation: conversation, messageCount: 2)])
        #expect(try store.conversation(conversation.id) == conversation)
        #expect(try store.messages(in: conversation.id) == messages)
        #expect(try store.message(messages[1].id) == messages[1])
    }

    @Test func messageCountsFollowSavesMovesDeletesAndRestores() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        let other = Conversation(title: "other")
        try store.saveAll(conversations: [conversation, other], messages: messages)
        #expect(try count(store, conversation.id) == 2)
        #expect(try count(store, other.id) == 0)

        var edited = messages[1]
        edited.answer = "edited"
        try store.save(edited)
        #expect(try count(store, conversation.id) == 2)

        edited.conversationID = other.id
        try store.save(edited)
        #expect(try count(store, conversation.id) == 1)
        #expect(try count(store, other.id) == 1)

        let deleted = try store.delete(conversation.id)
        #expect(try count(store, conversation.id) == nil)
        try store.restore(deleted)
        #expect(try count(store, conversation.id) == 1)
        #expect(try count(store, other.id) == 1)
    }

    @Test func countsAreFilledInWhenAnOlderDatabaseIsOpened() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let (conversation, messages) = sampleConversation()
        let empty = Conversation(title: "empty")
        do {
            let queue = try DatabaseQueue(path: directory.databaseURL.path)
            try StoreSchema.migrator.migrate(queue, upTo: StoreSchema.v3)
            try queue.write { db in
                try insertVersionOne(conversation, db)
                try insertVersionOne(empty, db)
                for message in messages { try insertVersionOne(message, db) }
            }
        }
        let store = try ConversationStore.open(at: directory.databaseURL)
        #expect(try count(store, conversation.id) == 2)
        #expect(try count(store, empty.id) == 0)
        try store.save(Message(conversationID: empty.id, role: .user, answer: "first"))
        #expect(try count(store, empty.id) == 1)
    }

    @Test func listingReadsAnIndexInListOrder() throws {
        let store = try ConversationStore.inMemory()
        for includeArchived in [false, true] {
            let plan = try store.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + ConversationStore.listingSQL(includeArchived: includeArchived),
                    arguments: [100, 0]
                ).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("USING INDEX conversations_listed") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }
}
