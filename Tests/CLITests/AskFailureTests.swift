import Foundation
import GRDB
import TestSupport
import TestTraits
import Testing

@testable import PonderCore

/// How `ponder ask` fails and stops: exit codes, Ctrl-C and SIGKILL mid-stream.
@Suite(.serialized, .ownThreads) struct AskFailureTests {
    @Test func rejectedKeyExitsWithTheAuthCode() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "fake-401")

        let result = try cli.run(["ask", "hello"])

        #expect(result.status == 77)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("ponder: ") == true)
        #expect(result.stderr.contains("FAKE_KEY"))
        let summaries = try ConversationStore.open(at: cli.databaseURL).listConversations()
        let messages = try ConversationStore.open(at: cli.databaseURL).messages(in: try #require(summaries.first).id)
        #expect(messages.last?.status == .failed)
    }

    @Test func unreachableServerExitsWithTheNetworkCode() throws {
        let cli = try CLIHarness()
        let port = try #require(FreePort.find())
        try cli.writeConfig(baseURL: "http://127.0.0.1:\(port)")

        let result = try cli.run(["ask", "--no-save", "hello"])

        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("ponder: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingProviderIsExplained() throws {
        let cli = try CLIHarness()
        // No config file at all: the default path is used, and it does not exist.
        cli.environment["PONDER_CONFIG"] = nil
        let result = try cli.run(["ask", "hello"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("no provider to use"))
        let unknown = try cli.run(["ask", "-p", "nosuch", "hello"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no provider named \"nosuch\""))
    }

    @Test func ctrlCStopsAndKeepsThePartialAnswer() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "fake-slow-long")

        let running = try cli.start(["ask", "slowly"])
        #expect(Poll.until(timeout: 20) { running.stderr.contains("step 3 ") })
        running.signal(SIGINT)
        try #require(running.waitForExit(timeout: 20))

        #expect(running.process.terminationStatus == 130)
        #expect(running.process.terminationReason == .exit)
        #expect(running.stderr.contains("ponder: interrupted"))
        let store = try ConversationStore.open(at: cli.databaseURL)
        let conversation = try #require(try store.listConversations().first)
        let assistant = try #require(try store.messages(in: conversation.id).last)
        #expect(assistant.role == .assistant)
        #expect(assistant.status == .cancelled)
        #expect(assistant.reasoning.hasPrefix("step 1 step 2 step 3"))
        #expect(assistant.answer.isEmpty, "stopped in the reasoning")
        let printed = running.stderr.components(separatedBy: "\n").first ?? ""
        #expect(assistant.reasoning.hasPrefix(printed.trimmingCharacters(in: .whitespaces)))
    }

    @Test func sigkillMidStreamLeavesARecoverableRow() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "fake-slow-long")

        let running = try cli.start(["ask", "slowly"])
        #expect(Poll.until(timeout: 20) { FileManager.default.fileExists(atPath: cli.databaseURL.path) })
        let store = try ConversationStore.open(at: cli.databaseURL)
        let stored = {
            try store.listConversations().first.flatMap { try store.messages(in: $0.id).last }
        }
        #expect(try Poll.until(timeout: 20) { try stored()?.reasoning.contains("step 3 ") == true })
        #expect(try stored()?.status == .streaming)
        running.signal(SIGKILL)
        try #require(running.waitForExit(timeout: 20))
        #expect(running.process.terminationReason == .uncaughtSignal)

        let integrity = try await store.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        #expect(try store.markAbandonedStreamsInterrupted() == 1)
        let recovered = try #require(try stored())
        #expect(recovered.status == .interrupted)
        #expect(recovered.reasoning.hasPrefix("step 1 step 2 step 3"))
    }
}
