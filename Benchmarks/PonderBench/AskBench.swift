import Foundation
import PonderCore
import TestSupport

/// `ponder ask` time to first output byte through the fake server, with a store of 10,000
/// conversations (4 messages each). Ponder's own overhead is the process's time to its first stdout
/// byte minus the fake server's own time to first token (measured in-process with `ChatClient`).
/// `PONDER_BENCH_ASK_RUNS` changes the number of runs (default 30).
enum AskBench {
    static func run() async {
        do {
            try await measure()
        } catch {
            print("ask: failed: \(error)")
        }
    }

    private static func measure() async throws {
        let runs = ProcessInfo.processInfo.environment["PONDER_BENCH_ASK_RUNS"].flatMap(Int.init) ?? 30
        let ponder = try BuildProducts.executable("ponder")
        let server = try await FakeServer.start()
        var home = try FakeProviderHome(prefix: "ponder-ask-bench", server: server)
        home.environment["PATH"] = "/usr/bin:/bin"
        let environment = home.environment
        let started = Date()
        try fillStore(at: home.databaseFile, conversations: 10_000)
        print(
            String(format: "ask: store of 10000 conversations generated in %.1f s", Date().timeIntervalSince(started)))

        var serverTimes: [Double] = []
        let client = ChatClient()
        let settings = ProviderSettings(
            name: "fake", kind: .deepseek, baseURL: server.baseURL, model: "fake-reasoner",
            apiKey: APIKey(value: "sk-bench", source: "the benchmark"))
        for _ in 0..<runs {
            let request = ChatRequest(
                settings: settings, history: [Message(conversationID: .make(), role: .user, answer: "hello")])
            let start = ContinuousClock.now
            for await event in client.stream(request) {
                if case .reasoning = event {
                    serverTimes.append(milliseconds(ContinuousClock.now - start))
                    break
                }
            }
        }
        await client.shutdown()

        var processTimes: [Double] = []
        for _ in 0..<runs {
            processTimes.append(
                try BenchProcess.run(ponder, ["ask", "--json", "hello"], environment: environment).firstByteMilliseconds
            )
        }
        await server.stop()

        let server50 = percentile(serverTimes, 0.5)
        let process50 = percentile(processTimes, 0.5)
        print(
            String(
                format:
                    "ask: time to first stdout byte over %ld runs: median %.1f ms, p95 %.1f ms (process start to byte)",
                runs, process50, percentile(processTimes, 0.95)))
        print(
            String(
                format: "ask: fake server time to first token (in-process client): median %.1f ms, p95 %.1f ms",
                server50, percentile(serverTimes, 0.95)))
        print(String(format: "ask: Ponder's own overhead: median %.1f ms (target < 30 ms)", process50 - server50))
    }

    private static func fillStore(at url: URL, conversations count: Int) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try ConversationStore.open(at: url)
        let base = Date(timeIntervalSinceNow: -86_400 * 100)
        for batch in stride(from: 0, to: count, by: 500) {
            var conversations: [Conversation] = []
            var messages: [Message] = []
            for index in batch..<min(count, batch + 500) {
                let at = base.addingTimeInterval(Double(index) * 600)
                let conversation = Conversation(
                    title: "Conversation \(index) about topic \(index % 97)", createdAt: at, updatedAt: at,
                    provider: "fake", model: "fake-reasoner")
                conversations.append(conversation)
                var parent: MessageID?
                for turn in 0..<2 {
                    let prompt = Message(
                        conversationID: conversation.id, parentID: parent, role: .user,
                        answer: "Question \(turn) of conversation \(index): how does topic \(index % 97) work?",
                        createdAt: at)
                    let reply = Message(
                        conversationID: conversation.id, parentID: prompt.id, role: .assistant,
                        reasoning: String(repeating: "thinking about topic \(index % 97) step by step. ", count: 20),
                        answer: String(repeating: "An answer about topic \(index % 97). ", count: 10),
                        provider: "fake", model: "fake-reasoner", createdAt: at.addingTimeInterval(1))
                    messages += [prompt, reply]
                    parent = reply.id
                }
            }
            try store.saveAll(conversations: conversations, messages: messages)
        }
        try store.checkpoint()
    }

    private static func milliseconds(_ duration: Duration) -> Double { BenchStatistics.milliseconds(duration) }

    private static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        BenchStatistics.percentile(values, fraction)
    }
}
