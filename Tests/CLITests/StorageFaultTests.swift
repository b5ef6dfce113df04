import Foundation
import GRDB
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The store's disk fails under `ponder ask` and the other commands: a disk that fills up while an
/// answer streams (a real tmpfs of a few hundred KB, mounted in a private namespace), a read-only data
/// directory, a damaged database file. Each is one clear message; nothing is reported complete that
/// was not saved, and nothing is deleted.
@Suite(.serialized, .ownThreads) struct StorageFaultTests {
    /// Runs `ponder ask` against a provider that streams about 450 KB of reasoning, with a data
    /// directory that is a disk of `size`; returns the harness, the result and the database file
    /// as the disk kept it.
    static func askOnSmallDisk(_ arguments: [String], size: String) async throws
        -> (cli: CLIHarness, result: CLIHarness.Result, kept: URL)
    {
        let server = try await FakeServer.start(
            defaultScenario: FakeScenario(name: "fill", reasoningTokens: 40_000, answerTokens: 50))
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "fill")
        let data = cli.environment["XDG_DATA_HOME"]!
        let keep = cli.directory.path + "/kept"
        for directory in [data, keep] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let result = try cli.run(["ask"] + arguments) {
            MountNamespace.smallDisk(size: size, on: data, keepingIn: keep, command: $0)
        }
        await server.stop()
        return (cli, result, URL(fileURLWithPath: keep + "/ponder/ponder.sqlite"))
    }

    @Test(.enabled(if: MountNamespace.isAvailable, "needs unprivileged user and mount namespaces"))
    func aDiskThatFillsDuringAskIsAFailureNotACompleteAnswer() async throws {
        let (cli, result, kept) = try await Self.askOnSmallDisk(["--hide-reasoning", "fill the disk"], size: "400k")
        let data = cli.environment["XDG_DATA_HOME"]!

        #expect(result.status == 74, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.last?.hasPrefix(
                "ponder: the answer was not saved in full: the disk holding \(data)/ponder/ponder.sqlite is full; ")
                == true)
        #expect(
            lines.last?.contains("characters of it are missing from the stored copy, which is marked failed") == true)
        #expect(result.stdout.hasPrefix("You said: “fill the disk”."), "the answer itself was printed in full")
        #expect(result.stdout.hasSuffix(" Point 49.\n"))

        // What the disk kept: the message is not left streaming, and says why its text is short.
        #expect(try Self.storedStatus(kept) == "failed")
        // With room again, the next start folds in the text that was saved.
        let store = try ConversationStore.open(at: kept)
        _ = try store.markAbandonedStreamsInterrupted()
        let conversation = try #require(try store.listConversations().first)
        let answer = try #require(try store.messages(in: conversation.id).last)
        #expect(answer.status == .failed)
        let errorText = try #require(answer.errorText)
        #expect(errorText.hasPrefix("Only part of this answer was saved: the disk was full, and "))
        // What was kept is the start of what arrived, and the message counts exactly what is missing.
        let reasoning = (1...40_000).map { "step \($0) " }.joined()
        #expect(reasoning.hasPrefix(answer.reasoning))
        let arrived = reasoning.count + result.stdout.dropLast().count
        let missing = Int(errorText.split(separator: " ").first { Int($0) != nil } ?? "")
        #expect(missing == arrived - answer.reasoning.count - answer.answer.count)
        #expect(try store.integrityProblems().isEmpty)
    }

    /// A disk so small that not even the reserve fits: the message cannot be marked at once, and
    /// the next start marks it interrupted, keeping what was saved.
    @Test(.enabled(if: MountNamespace.isAvailable, "needs unprivileged user and mount namespaces"))
    func aDiskWithoutRoomForTheReserveLeavesTheMessageToTheNextStart() async throws {
        // The smallest disk that holds the question: the room left is less than one step, too little
        // for the reserve. (The size depends on the schema, so it is found rather than fixed.)
        var smallest: (cli: CLIHarness, result: CLIHarness.Result, kept: URL)?
        for kilobytes in stride(from: 240, through: 560, by: 16) {
            let attempt = try await Self.askOnSmallDisk(["--hide-reasoning", "fill the disk"], size: "\(kilobytes)k")
            // Smaller disks fail before the question is sent (opening the store, saving the question).
            if attempt.result.stderr.contains("the answer was not saved in full") {
                smallest = attempt
                break
            }
        }
        let (cli, result, kept) = try #require(smallest, "no disk from 240 to 560 KB held the question")
        #expect(result.status == 74)
        #expect(try Self.storedStatus(kept) == "streaming", "\(result.stderr)")
        cli.environment["XDG_DATA_HOME"] = kept.deletingLastPathComponent().deletingLastPathComponent().path
        let listed = try cli.run(["list"])
        #expect(listed.status == 0)
        #expect(try Self.storedStatus(kept) == "interrupted")
        #expect(try ConversationStore.open(at: kept).integrityProblems().isEmpty)
    }

    /// The assistant row's status as stored, read without Ponder's start-up sweep.
    static func storedStatus(_ file: URL) throws -> String? {
        let queue = try DatabaseQueue(path: file.path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM messages WHERE role = 'assistant'")
        }
    }

    @Test(.enabled(if: MountNamespace.isAvailable, "needs unprivileged user and mount namespaces"))
    func aDiskThatFillsNeverSaysDoneComplete() async throws {
        let (_, result, _) = try await Self.askOnSmallDisk(["--json", "fill the disk"], size: "400k")
        #expect(result.status == 74)
        let events = result.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
        let done = try #require(events.last)
        #expect(done["type"] == "done")
        #expect(done["status"] == "failed")
        let error = events.first { $0["type"] == "error" }
        #expect(error?["kind"] == "store")
    }

    @Test(.enabled(if: MountNamespace.isAvailable, "needs unprivileged user and mount namespaces"))
    func aReadOnlyDataDirectoryStillReadsAndRefusesToAskWithoutSaving() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)
        #expect(try cli.run(["ask", "--hide-reasoning", "saved before"]).status == 0)
        let data = cli.environment["XDG_DATA_HOME"]!
        let readOnly = { (command: [String]) in MountNamespace.readOnly(data, command: command) }

        let list = try cli.run(["list"], wrappedBy: readOnly)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("saved before"))
        #expect(try cli.run(["search", "saved"], wrappedBy: readOnly).status == 0)

        let ask = try cli.run(["ask", "not saved"], wrappedBy: readOnly)
        #expect(ask.status == 74)
        #expect(ask.stdout.isEmpty)
        #expect(ask.stderr.split(separator: "\n").count == 1)
        #expect(ask.stderr.contains("is read-only"))
        #expect(ask.stderr.contains("Nothing was sent; to ask without saving, use --no-save."))
        #expect(server.receivedRequests.count == 1, "nothing is sent when it cannot be saved")

        let unsaved = try cli.run(["ask", "--no-save", "--hide-reasoning", "not saved"], wrappedBy: readOnly)
        #expect(unsaved.status == 0)
        #expect(unsaved.stdout.hasPrefix("You said: “not saved”."))
    }
}
