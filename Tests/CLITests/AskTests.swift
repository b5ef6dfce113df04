import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder ask` against the fake provider: pipes, streams, JSON events, saving and history.
@Suite(.serialized, .ownThreads) struct AskTests {
    @Test func pipedContextIsAppendedAndOnlyTheAnswerReachesStdout() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        let result = try cli.run(["ask", "what", "is", "this?"], stdin: "a log line\n")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("You said: “what is this?\n\na log line”."))
        #expect(result.stdout.contains("Point 7."))
        #expect(!result.stdout.contains("step 1"))
        #expect(result.stderr.contains("step 1 step 2"))
        #expect(!result.stderr.contains("Point"))
        #expect(!result.stderr.contains("\u{1B}"), "stderr is a pipe: no escapes")
        let sent = try #require(server.receivedRequests.last).sentMessages
        #expect(sent.last?.content == "what is this?\n\na log line")
    }

    @Test func hideReasoningAndReasoningOnly() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        let hidden = try cli.run(["ask", "--hide-reasoning", "--no-save", "hi"])
        #expect(hidden.status == 0)
        #expect(!hidden.stderr.contains("step"))
        #expect(hidden.stdout.contains("Point 1."))

        let only = try cli.run(["ask", "--reasoning-only", "--no-save", "hi"])
        #expect(only.status == 0)
        #expect(only.stdout.contains("step 12"))
        #expect(!only.stdout.contains("Point"))
    }

    @Test func jsonEventsParseInOrder() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        let result = try cli.run(["ask", "--json", "hello"])

        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        let types = events.compactMap { $0["type"]?.stringValue }
        #expect(types.count == events.count)
        let firstAnswer = try #require(types.firstIndex(of: "answer"))
        #expect(types[..<firstAnswer].allSatisfy { $0 == "reasoning" } && firstAnswer > 0)
        #expect(types.suffix(2) == ["usage", "done"])
        #expect(types[firstAnswer..<(types.count - 2)].allSatisfy { $0 == "answer" })
        let reasoning = events.filter { $0["type"]?.stringValue == "reasoning" }.compactMap { $0["text"]?.stringValue }
        #expect(reasoning.joined().hasPrefix("step 1 step 2"))
        let usage = try #require(events.first { $0["type"]?.stringValue == "usage" })
        #expect((usage["completion_tokens"]?.intValue ?? 0) > 0)
        let done = try #require(events.last)
        #expect(done["status"]?.stringValue == "complete")
        #expect(done["finish_reason"]?.stringValue == "stop")
        let id = try #require(done["conversation_id"]?.stringValue)
        let store = try ConversationStore.open(at: cli.databaseURL)
        let messages = try store.messages(in: ConversationID(id))
        #expect(messages.map(\.role) == [.user, .assistant])
        #expect(messages.last?.status == .complete)
        #expect(messages.last?.reasoning.hasPrefix("step 1") == true)
    }

    @Test func noSaveLeavesTheStoreUntouched() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        let result = try cli.run(["ask", "--no-save", "--json", "hello"])

        #expect(result.status == 0)
        #expect(result.stdout.contains("\"conversation_id\":null"))
        let listed = try cli.run(["list", "--json"])
        #expect(listed.status == 0)
        #expect(try JSONValue.parse(listed.stdout).arrayValue?.count == 0)
    }

    @Test func continueSendsTheHistory() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        let first = try cli.run(["ask", "first question"])
        #expect(first.status == 0)
        let second = try cli.run(["ask", "--continue", "second question"])
        #expect(second.status == 0, "\(second.stderr)")

        let sent = try #require(server.receivedRequests.last).sentMessages
        #expect(sent.map(\.role) == ["user", "assistant", "user"])
        #expect(sent[0].content == "first question")
        #expect(sent[1].content == first.stdout.trimmingCharacters(in: .newlines))
        #expect(sent[2].content == "second question")
        let listed = try JSONValue.parse(try cli.run(["list", "--json"]).stdout).arrayValue ?? []
        #expect(listed.count == 1)
        #expect(listed.first?["message_count"]?.intValue == 4)
    }

    @Test func conversationFlagTakesAPrefix() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        let first = try cli.run(["ask", "--json", "one"])
        let id = try #require(
            first.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }.last?[
                "conversation_id"]?.stringValue)
        _ = try cli.run(["ask", "two"])
        let third = try cli.run(["ask", "--conversation", String(id.prefix(8)), "three"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try #require(server.receivedRequests.last).sentMessages.first?.content == "one")

        let missing = try cli.run(["ask", "--conversation", "zzzz", "four"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "ponder: no conversation id starts with \"zzzz\"\n")
    }
}
