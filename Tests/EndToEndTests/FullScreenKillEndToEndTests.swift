import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The full-screen app killed with SIGKILL while an answer streams at 50 tokens a second, at a
/// different moment each run. The next start marks the message interrupted on screen and in the
/// store, the database passes SQLite's integrity check, and the stored text is everything the server
/// sent except at most its last 250 ms, measured against the times the server logged for each token
/// and printed as min/median/max. `make test` runs three kills; `PONDER_KILL_RUNS=10` runs ten.
@Suite(.serialized, .ownThreads) struct FullScreenKillEndToEndTests {
    static let scenario = FakeScenario(name: "kill-me", reasoningTokens: 150, answerTokens: 150, tokensPerSecond: 50)

    static var runs: Int {
        ProcessInfo.processInfo.environment["PONDER_KILL_RUNS"].flatMap { Int($0) }.map { max(1, $0) } ?? 3
    }

    @Test func aKilledFullScreenAppKeepsAllButTheLastQuarterSecond() async throws {
        let ponder = try BuildProducts.executable("ponder")
        var generator = SplitMix64(seed: 51)
        var losses: [StreamLoss] = []
        for run in 1...Self.runs {
            let server = try await FakeServer.start(defaultScenario: Self.scenario)
            let home = try FakeProviderHome(prefix: "ponder-kill-e2e", baseURL: server.baseURL, model: "kill-me")
            let command = TmuxSession.shellQuoted(ponder.path)
            let tmux = try TmuxSession(
                command: command, environment: home.environment, width: 160, height: 40, workingDirectory: home.path)
            defer { tmux.kill() }
            try tmux.waitFor(text: "Message")
            let pid = try tmux.panePID()
            // Somewhere in the reasoning (150 tokens, 3 s) or in the answer: after 0.3 to 4 s.
            let streamed = Double.random(in: 0.3...4, using: &generator)
            try tmux.sendLiteral("slowly, please")
            try tmux.sendKeys("Enter")
            #expect(Poll.until(timeout: 30) { !server.sentTokens.isEmpty }, "run \(run): nothing was sent")
            let first = server.sentTokens.first?.time ?? Date()
            #expect(Poll.until(timeout: 30, interval: 0.005) { Date().timeIntervalSince(first) >= streamed })
            #expect(Foundation.kill(pid, SIGKILL) == 0)
            let killed = Date()
            try tmux.waitFor("run \(run): ponder gone") { _ in (try? tmux.format("#{pane_dead}")) == "1" }
            let sent = server.sentTokens.filter { $0.time <= killed }
            await server.stop()

            // The next start: its sweep marks the stream, and the screen shows it.
            let again = try TmuxSession(
                command: command, environment: home.environment, width: 160, height: 40, workingDirectory: home.path)
            defer { again.kill() }
            try again.waitFor("run \(run): the answer marked interrupted") {
                $0.contains("slowly, please") && $0.contains("⚠ Interrupted — the partial answer is kept")
            }
            let store = try ConversationStore.open(at: XDGPaths(environment: home.environment).databaseFile)
            #expect(try store.integrityProblems().isEmpty, "run \(run)")
            let conversation = try #require(try store.listConversations().first)
            let stored = try #require(try store.messages(in: conversation.conversation.id).last)
            #expect(stored.status == .interrupted, "run \(run)")
            let loss = StreamLoss(stored: stored, sent: sent, killedAt: killed)
            #expect(!loss.storedUnsent, "run \(run): nothing unsent was stored")
            #expect(loss.milliseconds <= 250, "run \(run): lost \(loss.tokens) tokens, \(loss.milliseconds) ms")
            losses.append(loss)
            try again.sendKeys("C-q")
            try again.waitFor("run \(run): ponder quits") { _ in (try? again.format("#{pane_dead}")) == "1" }
        }
        print(
            "full-screen ponder killed mid-stream at 50 tokens/s, \(losses.count) runs: " + StreamLoss.summary(losses))
    }
}
