import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder ask` start-up: the phase trace, the direct parse of `ask` and the store left tidy at exit.
@Suite(.serialized, .ownThreads) struct AskStartupTests {
    @Test func traceStartupListsThePhasesOnStderrOnly() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)
        cli.environment["PONDER_TRACE_STARTUP"] = "1"

        let result = try cli.run(["ask", "--json", "hello"])

        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        #expect(events.last?["status"]?.stringValue == "complete")
        let phases = result.stderr.split(separator: "\n").filter { $0.hasPrefix("ponder: startup ") }
        let names = phases.map { $0.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) }
        for phase in ["parsed", "loaded", "opened", "saved", "received"] {
            #expect(names.contains(phase), "no \(phase) phase in \(result.stderr)")
        }
        #expect(phases.last?.hasSuffix("first text received") == true)

        cli.environment["PONDER_TRACE_STARTUP"] = nil
        let quiet = try cli.run(["ask", "hello"])
        #expect(quiet.status == 0)
        #expect(!quiet.stderr.contains("ponder: startup"))
    }

    @Test func askFoldsItsLogBackBeforeExiting() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        #expect(try cli.run(["ask", "one"]).status == 0)
        #expect(try cli.run(["ask", "--continue", "two"]).status == 0)

        let log = cli.databaseURL.path + "-wal"
        let size =
            FileManager.default.fileExists(atPath: log)
            ? try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int ?? 0 : 0
        // An ask commits dozens of pages; only the fresh log's first small commit may remain.
        #expect(size <= 32 + 2 * (24 + 4096))
        let store = try ConversationStore.open(at: cli.databaseURL)
        let conversation = try #require(try store.listConversations().first)
        let messages = try store.messages(in: conversation.id)
        #expect(messages.map(\.role) == [.user, .assistant, .user, .assistant])
        #expect(messages.allSatisfy { $0.status == .complete })
    }

    @Test func helpAndUsageErrorsOfAskNameTheWholeCommand() throws {
        let cli = try CLIHarness()

        let help = try cli.run(["ask", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: ponder ask"))

        let unknown = try cli.run(["ask", "--no-such-flag", "x"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown option '--no-such-flag'"))
        #expect(unknown.stderr.contains("Usage: ponder ask"))
    }
}
