import Foundation
import PonderCore
import TestSupport

/// The chat screen measured from outside, as a user meets it: the real `ponder` in tmux
/// (160x48) streams a 100,000-token reasoning trace from the fake server, once at 500 tokens/s
/// and once as fast as the server sends. Reports the CPU time `ponder` used for each whole
/// stream (from /proc), and the time from a keystroke (`tmux send-keys`) until its echo is in
/// the editor line (`tmux capture-pane`) — idle, and while the trace streams. Those latencies
/// include tmux's own round trip; the idle figure shows how much that is.
/// `PONDER_BENCH_CHAT_TOKENS` changes the trace length (default 100,000).
enum ChatStreamBench {
    static func run() async {
        do {
            try await measure()
        } catch {
            print("chat-tmux: failed: \(error)")
        }
    }

    private static func measure() async throws {
        let tokens = ProcessInfo.processInfo.environment["PONDER_BENCH_CHAT_TOKENS"].flatMap(Int.init) ?? 100_000
        let ponder = try BuildProducts.executable("ponder")
        let server = try await FakeServer.start()
        let home = try FakeProviderHome(prefix: "ponder-chat-bench", server: server)
        let tmux = try TmuxSession(command: ponder.path, environment: home.environment, width: 160, height: 48)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Message")
        let pid = try tmux.panePID()
        let store = try ConversationStore.open(at: home.databaseFile)

        let idle = try echoLatencies(tmux, count: 30)
        print(
            String(
                format: "chat-tmux: keystroke to echo, idle: median %.1f ms, worst %.1f ms (tmux round trip included)",
                BenchStatistics.percentile(idle, 0.5), idle.max() ?? 0))

        server.enqueue(FakeScenario(name: "bench-500", reasoningTokens: tokens, answerTokens: 50, tokensPerSecond: 500))
        var streaming: [Double] = []
        let paced = try stream(tmux, server: server, pid: pid, store: store, answers: 1) {
            streaming = try echoLatencies(tmux, count: 60)
        }
        print(
            String(
                format: "chat-tmux: %ld tokens at 500 tok/s: %.1f s, ponder used %.2f CPU s (%.1f%% of one core)",
                tokens, paced.wall, paced.cpu, 100 * paced.cpu / paced.wall))
        print(
            String(
                format: "chat-tmux: keystroke to echo while streaming: median %.1f ms, worst %.1f ms over %ld keys",
                BenchStatistics.percentile(streaming, 0.5), streaming.max() ?? 0, streaming.count))

        server.enqueue(FakeScenario(name: "bench-max", reasoningTokens: tokens, answerTokens: 50))
        let fast = try stream(tmux, server: server, pid: pid, store: store, answers: 2) {}
        print(
            String(
                format: "chat-tmux: %ld tokens as fast as sent: %.1f s, ponder used %.2f CPU s (%.0f%% of one core)",
                tokens, fast.wall, fast.cpu, 100 * fast.cpu / fast.wall))
        try tmux.sendKeys("C-q")
        await server.stop()
    }

    /// Sends a question, runs `during` while it streams, and waits until the store holds
    /// `answers` complete answers. Wall time and ponder's CPU seconds from send to completion.
    /// A question that never reaches the server fails the bench within 30 s, with the screen.
    private static func stream(
        _ tmux: TmuxSession, server: FakeServer, pid: Int32, store: ConversationStore, answers: Int,
        during: () throws -> Void
    ) throws -> (wall: Double, cpu: Double) {
        let askedBefore = server.askedCount
        let cpuBefore = try cpuSeconds(pid)
        let start = ContinuousClock.now
        try tmux.sendLiteral("think at length")
        try tmux.sendKeys("Enter")
        do {
            try poll(timeout: 30, every: 0.01) { server.askedCount > askedBefore }
        } catch {
            throw TmuxError(message: "the question was not sent; the screen:\n\(try tmux.capture())")
        }
        try during()
        // The store has the final row a moment before the screen says done; wait for both, so
        // the next question is not typed while the first still counts as answering.
        var screen = ""
        do {
            try poll(timeout: 900, every: 0.05) {
                screen = try tmux.capture()
                return try screen.contains("│ done") && completeAnswers(store) >= answers
            }
        } catch {
            // Say what the screen showed at the end, so a stuck answer can be told from a slow one.
            let last = screen.split(separator: "\n").suffix(2).joined(separator: " / ")
            throw TmuxError(message: "\(error); the screen ended with: \(last)")
        }
        let wall = BenchStatistics.milliseconds(ContinuousClock.now - start) / 1000
        return (wall, try cpuSeconds(pid) - cpuBefore)
    }

    /// Types `count` characters one by one, each timed until the editor line shows it; then
    /// clears the editor.
    static func echoLatencies(_ tmux: TmuxSession, count: Int) throws -> [Double] {
        var latencies: [Double] = []
        for typed in 1...count {
            let start = ContinuousClock.now
            try tmux.sendLiteral("x")
            try poll(timeout: 10) {
                let line = try tmux.capture().split(separator: "\n").first { $0.hasPrefix("› ") } ?? ""
                return line.filter { $0 == "x" }.count >= typed
            }
            latencies.append(BenchStatistics.milliseconds(ContinuousClock.now - start))
        }
        try tmux.sendKeys("C-u")
        try poll(timeout: 10) { !(try tmux.capture().contains("› x")) }
        return latencies
    }

    /// Complete answers in the conversation, as stored.
    private static func completeAnswers(_ store: ConversationStore) throws -> Int {
        guard let conversation = try store.listConversations().first else { return 0 }
        return try store.messages(in: conversation.conversation.id).filter {
            $0.role == .assistant && $0.status == .complete
        }.count
    }

    /// User plus system CPU seconds of a process, from /proc/PID/stat.
    private static func cpuSeconds(_ pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (Double(fields[11])! + Double(fields[12])!) / ticks
    }

    private static func poll(timeout: Double, every interval: Double = 0.002, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { throw TmuxError(message: "timed out after \(timeout) s") }
            usleep(UInt32(interval * 1_000_000))
        }
    }
}
