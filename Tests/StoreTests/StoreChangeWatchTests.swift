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
}
