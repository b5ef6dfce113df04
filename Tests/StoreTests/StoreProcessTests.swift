import Foundation
import GRDB
import TestTraits
import Testing

@testable import PonderCore

/// Tests with real child processes (`ponder-store-probe`) sharing one database file.
@Suite(.serialized, .ownThreads) struct StoreProcessTests {
    private func chunkText(_ count: Int) -> String {
        (0..<count).map { "chunk-" + String(format: "%06ld", $0) + " " }.joined()
    }

    @Test func aStreamKilledMidWayKeepsItsTextAndIsMarkedInterrupted() throws {
        let directory = try TemporaryDirectory()
        let url = directory.databaseURL
        let store = try ConversationStore.open(at: url)
        let probe = try StoreProbe(["stream", "--db", url.path, "--interval-ms", "2"])
        #expect(waitUntil { probe.appended >= 100 })
        let ids = try #require(probe.lastLine(startingWith: "ready"))
        let messageID = MessageID(ids[1])

        #expect(try waitUntil { try store.message(messageID) != nil })
        // While the probe lives, its stream is not abandoned.
        #expect(try store.markAbandonedStreamsInterrupted() == 0)
        #expect(try store.message(messageID)?.status == .streaming)

        // Note what had been appended, keep streaming well past one flush interval, then kill.
        let appendedBeforeWindow = probe.appended
        #expect(waitUntil { probe.appended >= appendedBeforeWindow + 250 })
        probe.killHard()

        let integrity = try store.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let stored = try #require(try store.message(messageID))
        #expect(stored.status == .streaming)
        let storedChunks = stored.reasoning.count / 13
        #expect(stored.reasoning == chunkText(storedChunks))
        #expect(storedChunks >= appendedBeforeWindow)

        #expect(try store.markAbandonedStreamsInterrupted() == 1)
        let swept = try #require(try store.message(messageID))
        #expect(swept.status == .interrupted)
        #expect(swept.reasoning == stored.reasoning)
        #expect(try store.search("chunk-000050").first?.messageID == messageID)
        #expect(try store.markAbandonedStreamsInterrupted() == 0)
    }

    @Test func twoWritersAtOnceBothSucceed() throws {
        let directory = try TemporaryDirectory()
        let url = directory.databaseURL
        let store = try ConversationStore.open(at: url)
        let counter = try store.changeCounter()
        let arguments = ["write", "--db", url.path, "--conversations", "40", "--messages", "4"]
        let first = try StoreProbe(arguments + ["--tag", "alpha"])
        let second = try StoreProbe(arguments + ["--tag", "beta"])
        #expect(first.exitStatus() == 0, "\(first.errors.lines)")
        #expect(second.exitStatus() == 0, "\(second.errors.lines)")
        // The last output may still be in the pipe when the process has already exited.
        #expect(waitUntil { first.output.lines.last == "done 40" })
        #expect(waitUntil { second.output.lines.last == "done 40" })
        #expect(first.errors.lines.isEmpty && second.errors.lines.isEmpty)

        #expect(try store.changeCounter() != counter)
        let listed = try store.listConversations(limit: 1000)
        #expect(listed.count == 80)
        #expect(listed.filter { $0.conversation.title.hasPrefix("alpha") }.count == 40)
        #expect(listed.allSatisfy { $0.messageCount == 4 })
        let integrity = try store.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        #expect(try store.search("beta reasoning 39-1").count == 1)
    }

    @Test func aFreshFileOpenedByTwoProcessesAtOnceIsMigratedOnce() throws {
        let directory = try TemporaryDirectory()
        let url = directory.databaseURL
        let arguments = ["write", "--db", url.path, "--conversations", "5", "--messages", "2"]
        let first = try StoreProbe(arguments + ["--tag", "one"])
        let second = try StoreProbe(arguments + ["--tag", "two"])
        #expect(first.exitStatus() == 0, "\(first.errors.lines)")
        #expect(second.exitStatus() == 0, "\(second.errors.lines)")
        let store = try ConversationStore.open(at: url)
        #expect(try store.listConversations().count == 10)
    }
}
