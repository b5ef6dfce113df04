import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder ask` killed with SIGKILL while it streams at 50 tokens a second, ten times at different
/// moments. After each kill the next start marks the message interrupted, the database passes
/// SQLite's integrity check, and the stored text is everything the server sent except at most its
/// last 250 ms. The server logs when it sent each token, so the loss is measured in tokens and in
/// milliseconds (printed as min/median/max).
@Suite(.serialized, .ownThreads) struct AskKillTests {
    static let scenario = FakeScenario(name: "kill-me", reasoningTokens: 150, answerTokens: 150, tokensPerSecond: 50)

    @Test func aKilledAskKeepsAllButTheLastQuarterSecond() async throws {
        var generator = SplitMix64(seed: 50)
        var losses: [StreamLoss] = []
        for run in 1...10 {
            let server = try await FakeServer.start(defaultScenario: Self.scenario)
            let cli = try CLIHarness()
            try cli.writeConfig(baseURL: server.baseURL, model: "kill-me")
            // Somewhere in the reasoning (150 tokens, 3 s) or in the answer: after 0.3 to 4 s.
            let streamed = Double.random(in: 0.3...4, using: &generator)
            let running = try cli.start(["ask", "slowly"])
            #expect(Poll.until(timeout: 30) { !server.sentTokens.isEmpty }, "run \(run): nothing was sent")
            let first = server.sentTokens.first?.time ?? Date()
            #expect(Poll.until(timeout: 30, interval: 0.005) { Date().timeIntervalSince(first) >= streamed })
            running.signal(SIGKILL)
            let killed = Date()
            try #require(running.waitForExit(timeout: 20))
            #expect(running.process.terminationReason == .uncaughtSignal)
            let sent = server.sentTokens.filter { $0.time <= killed }
            await server.stop()

            let listed = try cli.run(["list"])  // the next start: its sweep marks the stream
            #expect(listed.status == 0)
            let store = try ConversationStore.open(at: cli.databaseURL)
            #expect(try store.integrityProblems().isEmpty, "run \(run)")
            let conversation = try #require(try store.listConversations().first)
            let stored = try #require(try store.messages(in: conversation.id).last)
            #expect(stored.status == .interrupted, "run \(run)")
            let loss = StreamLoss(stored: stored, sent: sent, killedAt: killed)
            #expect(!loss.storedUnsent, "run \(run): nothing unsent was stored")
            #expect(loss.milliseconds <= 250, "run \(run): lost \(loss.tokens) tokens, \(loss.milliseconds) ms")
            losses.append(loss)
        }
        print("ask killed mid-stream at 50 tokens/s, 10 runs: " + StreamLoss.summary(losses))
    }
}
