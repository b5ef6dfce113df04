import Foundation
import GRDB
import Synchronization
import Testing

@testable import PonderCore

@Suite struct StreamingMessageWriterTests {
    private func streamingReply(in store: ConversationStore) throws -> Message {
        let conversation = Conversation(title: "streaming")
        try store.save(conversation)
        return Message(conversationID: conversation.id, role: .assistant, status: .streaming)
    }

    @Test func theRowExistsAsSoonAsTheWriterStarts() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let reply = try streamingReply(in: store)
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .seconds(60))
        #expect(try waitUntil { try store.message(reply.id)?.status == .streaming })
        _ = writer
    }

    @Test func deltasAreWrittenInFewTransactions() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let reply = try streamingReply(in: store)
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .milliseconds(100))
        var expected = ""
        for index in 0..<2000 {
            let token = "t\(index) "
            writer.appendReasoning(token)
            expected += token
        }
        writer.appendAnswer("The answer.")
        #expect(try waitUntil { try store.message(reply.id)?.reasoning == expected })
        #expect(try store.message(reply.id)?.answer == "The answer.")
        #expect(try store.message(reply.id)?.status == .streaming)
        #expect(writer.completedFlushes < 100)
    }

    /// The wait before a flush runs on the timer the writer is given (the chat client's event loop in
    /// the app), not on a timer of the writer's own queue: nothing is written until it fires.
    @Test func theWaitBeforeAFlushRunsOnTheGivenTimer() throws {
        let store = try ConversationStore.inMemory()
        let reply = try streamingReply(in: store)
        try store.saveAll(conversations: [], messages: [reply])
        let waits = Mutex<[(delay: Duration, body: @Sendable () -> Void)]>([])
        let writer = StreamingMessageWriter(
            store: store, message: reply, flushInterval: .seconds(3600), rowWritten: true,
            timer: { delay, body in waits.withLock { $0.append((delay, body)) } })
        // The first change after the row was stored is written at once.
        writer.appendReasoning("first ")
        #expect(try waitUntil { try store.message(reply.id)?.reasoning == "first " })
        #expect(waits.withLock { $0.isEmpty })
        // Later changes wait out the interval on the timer, one wait for any number of them.
        writer.appendReasoning("second ")
        writer.appendAnswer("third")
        let pending = waits.withLock { $0 }
        #expect(pending.count == 1)
        #expect(pending.first.map { $0.delay > .seconds(3000) && $0.delay <= .seconds(3600) } == true)
        #expect(try store.message(reply.id)?.reasoning == "first ")
        pending.first?.body()
        #expect(
            try waitUntil {
                let stored = try store.message(reply.id)
                return stored?.reasoning == "first second " && stored?.answer == "third"
            })
    }

    @Test func finishWritesEverythingAndWaits() async throws {
        let store = try ConversationStore.inMemory()
        let reply = try streamingReply(in: store)
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .seconds(60))
        writer.appendReasoning("Considering the ")
        writer.appendReasoning("hyperplane.")
        writer.appendAnswer("Done.")
        let timings = ResponseTimings(sent: Date(), firstReasoning: Date(), finished: Date())
        writer.update(timings: timings)
        // Usage arrives as running totals (the request's state machine merges the reports).
        writer.update(usage: TokenUsage(promptTokens: 10))
        writer.update(usage: TokenUsage(promptTokens: 10, completionTokens: 20))
        await writer.finish(status: .complete, errorText: nil)
        let stored = try #require(try store.message(reply.id))
        #expect(stored == writer.message)
        #expect(stored.reasoning == "Considering the hyperplane.")
        #expect(stored.status == .complete)
        #expect(stored.usage == TokenUsage(promptTokens: 10, completionTokens: 20))
        #expect(stored.timings == timings)
        #expect(try store.search("hyperplane").first?.field == .reasoning)
    }

    @Test func aStatusChangeIsWrittenAtOnce() throws {
        let store = try ConversationStore.inMemory()
        let reply = try streamingReply(in: store)
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .seconds(3600))
        #expect(try waitUntil { try store.message(reply.id) != nil })
        writer.appendReasoning("partial")
        writer.setStatus(.failed, errorText: "The server closed the connection.")
        #expect(
            try waitUntil {
                let stored = try store.message(reply.id)
                return stored?.status == .failed && stored?.reasoning == "partial"
            })
        #expect(try store.message(reply.id)?.errorText == "The server closed the connection.")
    }

    @Test func aFullDiskLosesNothingAndIsRetried() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let reply = try streamingReply(in: store)
        let errors = Mutex<[StoreError]>([])
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .milliseconds(20)) { error in
            errors.withLock { $0.append(error) }
        }
        #expect(try waitUntil { try store.message(reply.id) != nil })
        let pages = try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 4)")
        }
        let block = String(repeating: "x", count: 1000)
        for _ in 0..<300 { writer.appendReasoning(block) }
        #expect(waitUntil { !errors.withLock { $0.isEmpty } })
        let error = try #require(errors.withLock { $0.first })
        #expect(error.kind == .diskFull)
        #expect(error.message.contains(directory.databaseURL.path))
        #expect(writer.message.reasoning.count == 300_000)

        try store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1000000") }
        writer.appendReasoning("end")
        #expect(try waitUntil { try store.message(reply.id)?.reasoning.count == 300_003 })
        #expect(errors.withLock { $0.count } == 1)
    }
}

@Suite struct StreamingDeltaTests {
    @Test func longTracesAreAppendedNotRewritten() async throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let conversation = Conversation(title: "deltas")
        try store.save(conversation)
        let reply = Message(
            conversationID: conversation.id, role: .assistant, reasoning: "Earlier: ", status: .streaming)
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .milliseconds(10))
        #expect(try waitUntil { try store.message(reply.id) != nil })
        var expected = "Earlier: "
        // Multi-scalar characters split across deltas must come back byte for byte.
        for piece in ["e", "\u{301}", " 👩", "\u{200D}💻 ", "并发", "模型 "] {
            writer.appendReasoning(piece)
            expected += piece
            #expect(try waitUntil { try store.message(reply.id)?.reasoning == expected })
        }
        writer.appendAnswer("Answer.")
        writer.update(usage: TokenUsage(promptTokens: 3))
        #expect(try waitUntil { try store.message(reply.id)?.usage.promptTokens == 3 })
        let deltaRows = try await store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM message_deltas") ?? 0
        }
        #expect(deltaRows > 0)
        let stored = try await store.database.read { db in
            try String.fetchOne(db, sql: "SELECT reasoning FROM messages WHERE id = ?", arguments: [reply.id.rawValue])
        }
        #expect(stored == "Earlier: ")

        await writer.finish(status: .complete, errorText: nil)
        let final = try #require(try store.message(reply.id))
        #expect(final.reasoning == expected && final.answer == "Answer.")
        let remaining = try await store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM message_deltas") ?? 0
        }
        #expect(remaining == 0)
        #expect(try store.search("并发模型").first?.messageID == reply.id)
    }

    @Test func theSweepFoldsDeltasIntoTheMessage() throws {
        let store = try ConversationStore.inMemory()
        let conversation = Conversation(title: "sweep")
        try store.save(conversation)
        let reply = Message(conversationID: conversation.id, role: .assistant, status: .streaming)
        try store.save(reply, writer: ProcessIdentity(pid: Int32.max - 2, startTicks: 7))
        try store.appendStreamingDeltas(to: reply.id, reasoning: "first half, ", answer: "", header: nil)
        try store.appendStreamingDeltas(to: reply.id, reasoning: "second half", answer: "partial", header: nil)
        #expect(try store.messages(in: conversation.id).first?.reasoning == "first half, second half")
        #expect(try store.markAbandonedStreamsInterrupted() == 1)
        let swept = try #require(try store.message(reply.id))
        #expect(swept.status == .interrupted)
        #expect(swept.reasoning == "first half, second half" && swept.answer == "partial")
        #expect(swept.errorText?.isEmpty == false)
        #expect(try store.search("second half").first?.field == .reasoning)
    }
}
