import Dispatch
import Foundation
import Synchronization
import Testing

@testable import PonderCore

/// What tells an app that the store changed: the change counter, which list-visible changes move
/// and streamed deltas do not, and the watch on the store's files that replaces polling it.
@Suite struct StoreChangeWatchTests {
    @Test func streamedDeltasLeaveTheCounterAndTheEndMovesIt() async throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let conversation = Conversation(title: "streaming")
        try store.save(conversation)
        let reply = Message(conversationID: conversation.id, role: .assistant, status: .streaming)
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .milliseconds(1))
        await writer.flushNow()
        let before = try store.changeCounter()
        for index in 0..<5 {
            writer.appendReasoning("step \(index) ")
            await writer.flushNow()
        }
        #expect(try store.message(reply.id)?.reasoning == "step 0 step 1 step 2 step 3 step 4 ")
        #expect(try store.changeCounter() == before)
        await writer.finish(status: .complete, errorText: nil)
        #expect(try store.changeCounter() != before)
    }

    @Test func aWriteByAnotherConnectionIsSeenWithoutPolling() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let seen = Mutex(0)
        let watcher = StoreFileWatcher(
            databaseFile: directory.databaseURL, queue: DispatchQueue(label: "watch-test"),
            onChange: { seen.withLock { $0 += 1 } })
        #expect(watcher != nil)
        let other = try ConversationStore.open(at: directory.databaseURL)
        try other.save(Conversation(title: "from elsewhere"))
        #expect(waitUntil { seen.withLock { $0 } > 0 })
        #expect(try store.listConversations().map(\.conversation.title) == ["from elsewhere"])
        watcher?.stop()
    }

    /// A change is told once, and the writes after it wake nothing (the kernel queues no event for
    /// them) until the watch is renewed; then the next write is told.
    @Test func aChangeIsToldOnceUntilTheWatchIsRenewed() throws {
        let directory = try TemporaryDirectory()
        _ = try ConversationStore.open(at: directory.databaseURL)
        let seen = Mutex(0)
        let queue = DispatchQueue(label: "watch-test")
        let made = StoreFileWatcher(
            databaseFile: directory.databaseURL, queue: queue, onChange: { seen.withLock { $0 += 1 } })
        let watcher = try #require(made)
        defer { watcher.stop() }
        let other = try ConversationStore.open(at: directory.databaseURL)
        try other.save(Conversation(title: "first"))
        #expect(waitUntil { seen.withLock { $0 } == 1 })
        for index in 0..<5 { try other.save(Conversation(title: "more \(index)")) }
        queue.sync {}
        #expect(!watcher.hasPendingEvents)
        #expect(seen.withLock { $0 } == 1)

        #expect(queue.sync { watcher.renew() })
        try other.save(Conversation(title: "after the check"))
        #expect(waitUntil { seen.withLock { $0 } == 2 })
    }
}
