import Dispatch
import Foundation
import GRDB
import TestTraits
import Testing

@testable import PonderCore

/// Saving a question and its empty answer in one transaction, writers that start from a stored row,
/// and the non-blocking checkpoint that short-lived commands run before they exit.
@Suite(.ownThreads) struct StoreTurnTests {
    private func turn(in conversation: Conversation) -> (user: Message, assistant: Message) {
        let user = Message(conversationID: conversation.id, role: .user, answer: "Why is the sky blue?")
        let assistant = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming,
            provider: "deepseek", model: "deepseek-reasoner")
        return (user, assistant)
    }

    @Test func aTurnIsStoredWholeAndItsStreamBelongsToThisProcess() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let dayAgo = Date(timeIntervalSinceNow: -86_400)
        let conversation = Conversation(title: "Sky", createdAt: dayAgo, updatedAt: dayAgo)
        let (user, assistant) = turn(in: conversation)

        try store.saveTurn(conversation: conversation, messages: [user, assistant])

        #expect(try store.messages(in: conversation.id).map(\.id) == [user.id, assistant.id])
        #expect(try store.message(assistant.id)?.status == .streaming)
        let updated = try #require(try store.conversation(conversation.id)).updatedAt
        #expect(updated.timeIntervalSinceNow > -60)
        // The streaming row is this live process's: the start-up sweep leaves it alone.
        #expect(try store.markAbandonedStreamsInterrupted() == 0)
        #expect(try store.message(assistant.id)?.status == .streaming)
    }

    @Test func aTurnInAnUnknownConversationIsRefusedWithoutSavingAnything() throws {
        let store = try ConversationStore.inMemory()
        let saved = Conversation(title: "Known")
        try store.save(saved)
        let (user, _) = turn(in: saved)
        let stray = turn(in: Conversation(title: "Never saved")).assistant

        #expect(throws: StoreError.self) { try store.saveTurn(conversation: nil, messages: [user, stray]) }
        #expect(try store.messages(in: saved.id).isEmpty)
    }

    @Test func aWriterStartingFromAStoredRowOnlyWritesWhatArrives() async throws {
        let store = try ConversationStore.inMemory()
        let conversation = Conversation(title: "Sky")
        let (user, assistant) = turn(in: conversation)
        try store.saveTurn(conversation: conversation, messages: [user, assistant])

        let writer = StreamingMessageWriter(
            store: store, message: assistant, flushInterval: .milliseconds(20), rowWritten: true)
        #expect(writer.completedFlushes == 0)
        writer.appendReasoning("Rayleigh scattering ")
        #expect(try waitUntil { try store.message(assistant.id)?.reasoning == "Rayleigh scattering " })
        writer.appendReasoning("favours short wavelengths.")
        writer.appendAnswer("Blue light scatters most.")
        await writer.finish(status: .complete, errorText: nil)

        let stored = try #require(try store.message(assistant.id))
        #expect(stored.reasoning == "Rayleigh scattering favours short wavelengths.")
        #expect(stored.answer == "Blue light scatters most.")
        #expect(stored.status == .complete)
        #expect(try store.search("wavelengths").first?.field == .reasoning)
    }

    @Test func checkpointUnlessBusyEmptiesTheLog() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let conversation = Conversation(title: "Sky")
        let (user, assistant) = turn(in: conversation)
        try store.saveTurn(conversation: conversation, messages: [user, assistant])
        let log = directory.databaseURL.path + "-wal"
        #expect(try walSize(log) > 0)

        #expect(try walSize(log) > 2 * 4096)

        try store.checkpointUnlessBusy()

        // What remains is the new log's header and its first small commit, already on disk.
        #expect(try walSize(log) <= 32 + 2 * (24 + 4096))
        let checkpointedAt = try store.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'checkpointed_at'")
        }
        #expect(abs(Double(try #require(checkpointedAt)) / 1000 - Date().timeIntervalSince1970) < 60)
        #expect(try store.messages(in: conversation.id).count == 2)
    }

    @Test func checkpointUnlessBusyDoesNotWaitForAnotherProcessesReader() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let first = Conversation(title: "First")
        try store.save(first)
        // Another connection keeps a read transaction open on the current snapshot…
        let other = try DatabaseQueue(path: directory.databaseURL.path)
        let reading = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let readerDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM conversations")
                reading.signal()
                release.wait()
            }
            readerDone.signal()
        }
        reading.wait()
        // …so a newer commit cannot be folded back and the log cannot be truncated until it ends.
        try store.save(Conversation(title: "Second"))

        let started = ContinuousClock.now
        try store.checkpointUnlessBusy()
        #expect(ContinuousClock.now - started < .seconds(5), "the store's busy timeout is 15 s")
        release.signal()
        readerDone.wait()

        // The busy timeout is back for normal writes, and a later checkpoint completes.
        let timeout = try store.database.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
        }
        #expect(timeout == 15_000)
        try store.save(Conversation(title: "Third"))
        try store.checkpointUnlessBusy()
        #expect(try walSize(directory.databaseURL.path + "-wal") <= 32 + 2 * (24 + 4096))
        #expect(try store.listConversations().count == 3)
    }

    private func walSize(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }
}
