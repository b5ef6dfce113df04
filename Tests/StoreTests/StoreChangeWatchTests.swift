import Dispatch
import Foundation
import Synchronization
import TestTraits
import Testing

@testable import PonderCore

/// What tells an app that the store changed: the change counter, which list-visible changes move
/// and streamed deltas do not, and the watch on the store's files that replaces polling it.
@Suite(.ownThreads) struct StoreChangeWatchTests {
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

    /// A streaming answer writes the store's log several times a second; each write used to wake the
    /// watch (a dispatch source, re-armed through libdispatch's manager thread) only for the app to
    /// wait out its check interval anyway.
    @Test func writesInQuickSuccessionWakeTheWatchOncePerQuietPeriod() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let seen = Mutex(0)
        let watching = StoreFileWatcher(
            databaseFile: directory.databaseURL, queue: DispatchQueue(label: "watch-test"), quietPeriod: 0.4,
            onChange: { seen.withLock { $0 += 1 } })
        let watcher = try #require(watching)
        let start = ContinuousClock.now
        for index in 0..<20 {
            try store.save(Conversation(title: "write \(index)"))
            Thread.sleep(forTimeInterval: 0.05)
        }
        // 20 writes over about a second: the first wakes the watch, and each quiet period that ends with
        // writes held back wakes it once more.
        #expect(waitUntil { seen.withLock { $0 } >= 2 })
        Thread.sleep(forTimeInterval: 0.5)
        let periods = Int(((ContinuousClock.now - start) / .milliseconds(400)).rounded(.up))
        #expect(seen.withLock { $0 } <= periods + 1, "woken \(seen.withLock { $0 }) times by 20 writes")
        // Once the writes stop, the watch is woken again by the next one.
        let before = seen.withLock { $0 }
        try store.save(Conversation(title: "later"))
        #expect(waitUntil { seen.withLock { $0 } > before })
        watcher.stop()
    }

    /// Stopping (or releasing) the watch during a quiet period neither crashes nor calls back.
    @Test func stoppingDuringAQuietPeriodIsQuiet() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let seen = Mutex(0)
        var watcher = StoreFileWatcher(
            databaseFile: directory.databaseURL, queue: DispatchQueue(label: "watch-test"), quietPeriod: 0.3,
            onChange: { seen.withLock { $0 += 1 } })
        try store.save(Conversation(title: "first"))
        #expect(waitUntil { seen.withLock { $0 } == 1 })
        try store.save(Conversation(title: "held back"))
        watcher?.stop()
        watcher = nil
        Thread.sleep(forTimeInterval: 0.5)
        #expect(seen.withLock { $0 } == 1)
        #expect(watcher == nil)
    }
}
