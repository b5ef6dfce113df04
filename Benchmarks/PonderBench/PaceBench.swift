import Foundation
import PonderCore
import TestSupport

/// Ponder against a raw printer at a realistic pace, measured from outside as a user meets it: the
/// release `ponder` in a 120x40 tmux and `RawPrinter` (a Python loop that prints the same stream,
/// no UI) in another, started side by side against the in-process fake server, each run with a
/// fresh process over a store of 10,000 conversations. Three DeepSeek-style streams: 2,000
/// reasoning + 300 answer tokens at 50 and at 500 tokens/s, and a burst of 20,000 + 2,000 as fast
/// as the server sends. For each: CPU seconds of the stream and peak RSS (/proc), first paint (from
/// starting the program until its first screen shows), wall time to the last token on screen, and
/// context switches of all threads while idle for 5 s, before the question and again after the
/// answer (each is a wakeup; the raw printer, blocked on its input, is counted over 0.5 s and
/// scaled). Medians of `PONDER_BENCH_RUNS` runs (default 3) with the ratio to the raw printer; then
/// keystroke echo while a 50 tokens/s stream runs, and the peak RSS with a 1,000,000-token
/// conversation open.
/// `PONDER_BENCH_PACE=50,500,burst,echo,big` picks parts; `PONDER_BENCH_SCALE` scales the stored
/// conversations, and 0 starts each run with no store, which lets the bench measure a build whose
/// schema is older than this one's.
enum PaceBench {
    struct Scenario {
        var name: String
        var reasoningTokens: Int
        var answerTokens: Int
        var tokensPerSecond: Double?
    }

    static let scenarios = [
        Scenario(name: "50", reasoningTokens: 2_000, answerTokens: 300, tokensPerSecond: 50),
        Scenario(name: "500", reasoningTokens: 2_000, answerTokens: 300, tokensPerSecond: 500),
        Scenario(name: "burst", reasoningTokens: 20_000, answerTokens: 2_000, tokensPerSecond: nil),
    ]

    /// One client's figures for one run.
    struct Figures {
        var cpu: Double
        var peakRSS: Double
        /// Resident at the end of the stream: mapped from files (code) and allocated, in MB.
        var fileRSS: Double
        var anonymousRSS: Double
        var firstPaint: Double
        var wall: Double
        var idleWakeups: Double
        var idleWakeupsAfter: Double

        /// A client's figures from its /proc samples before and after the stream.
        init(
            before: ProcessSample, after: ProcessSample, firstPaint: Double, wall: Double?,
            idleWakeups: (before: Int, after: Int)
        ) {
            cpu = after.cpuSeconds - before.cpuSeconds
            peakRSS = Double(after.peakResidentBytes) / 1e6
            fileRSS = Double(after.residentFileBytes) / 1e6
            anonymousRSS = Double(after.residentAnonymousBytes) / 1e6
            self.firstPaint = firstPaint
            self.wall = wall ?? 0
            self.idleWakeups = Double(idleWakeups.before)
            idleWakeupsAfter = Double(idleWakeups.after)
        }
    }

    static func run() async {
        do {
            try await measureAll()
        } catch {
            print("pace: failed: \(error)")
        }
    }

    static func measureAll() async throws {
        let environment = ProcessInfo.processInfo.environment
        let runs = max(1, environment["PONDER_BENCH_RUNS"].flatMap(Int.init) ?? 3)
        let parts = environment["PONDER_BENCH_PACE"]?.split(separator: ",").map(String.init)
        func wanted(_ part: String) -> Bool { parts?.contains(part) ?? true }
        let scale = environment["PONDER_BENCH_SCALE"].flatMap(Double.init) ?? 1
        let ponder = try BuildProducts.executable("ponder")
        let server = try await FakeServer.start()
        let template = try TemporaryDirectory(prefix: "ponder-pace-store")
        let stored: URL? = scale > 0 ? URL(fileURLWithPath: template.path + "/ponder.sqlite") : nil
        if let stored { try makeStore(at: stored, conversations: max(10, Int(10_000 * scale))) }

        for scenario in scenarios where wanted(scenario.name) {
            var ponderRuns: [Figures] = []
            var rawRuns: [Figures] = []
            for _ in 0..<runs {
                let (ponderFigures, rawFigures) = try sideBySide(
                    scenario, ponder: ponder, server: server, store: stored)
                ponderRuns.append(ponderFigures)
                rawRuns.append(rawFigures)
            }
            report(scenario, ponder: ponderRuns, raw: rawRuns)
        }
        if wanted("echo") { try echoWhileStreaming(ponder: ponder, server: server, store: stored) }
        if wanted("big") { try bigConversation(ponder: ponder, server: server) }
        await server.stop()
    }

    // MARK: - Side by side

    private static func sideBySide(
        _ scenario: Scenario, ponder: URL, server: FakeServer, store: URL?
    ) throws -> (Figures, Figures) {
        let home = try FakeProviderHome(prefix: "ponder-pace-bench", server: server)
        try copyStore(store, to: home.databaseFile)
        let script = try RawPrinter.install(in: home.directory.path)

        var start = ContinuousClock.now
        let raw = try TmuxSession(
            command: "python3 \(script) 127.0.0.1 \(server.port) fake-reasoner", width: 120, height: 40)
        defer { raw.kill() }
        try raw.waitFor(text: RawPrinter.readyMarker, wholeFrame: false)
        let rawPaint = seconds(since: start)
        start = ContinuousClock.now
        let tmux = try TmuxSession(command: ponder.path, environment: home.environment, width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Message", wholeFrame: false)
        let ponderPaint = seconds(since: start)
        let ponderPID = try tmux.panePID()
        let rawPID = try raw.panePID()
        // Let start-up work (the list load, the first store reads) settle before counting wakeups.
        usleep(1_000_000)
        let ponderIdle = ProcessSample.wakeups(ponderPID, over: 5)
        let rawIdle = ProcessSample.wakeups(rawPID, over: 0.5) * 10
        let before = (try ProcessSample.read(ponderPID), try ProcessSample.read(rawPID))

        let stream = FakeScenario(
            name: "pace-\(scenario.name)", reasoningTokens: scenario.reasoningTokens,
            answerTokens: scenario.answerTokens, tokensPerSecond: scenario.tokensPerSecond)
        server.enqueue(stream)
        server.enqueue(stream)
        start = ContinuousClock.now
        try raw.sendKeys("Enter")
        try tmux.sendLiteral("think at length")
        try tmux.sendKeys("Enter")
        var rawWall: Double?
        var ponderWall: Double?
        let deadline = Date().addingTimeInterval(600)
        while rawWall == nil || ponderWall == nil {
            guard Date() < deadline else { throw TmuxError(message: "pace: a stream did not end in 600 s") }
            if rawWall == nil, try raw.capture().contains(RawPrinter.doneMarker) { rawWall = seconds(since: start) }
            if ponderWall == nil, try tmux.capture().contains("│ done") { ponderWall = seconds(since: start) }
            usleep(20_000)
        }
        let ponderAfter = try ProcessSample.read(ponderPID)
        let rawAfter = try ProcessSample.read(rawPID)
        // The answer's last store write and title settle, then the same count again.
        usleep(1_000_000)
        let ponderIdleAfter = ProcessSample.wakeups(ponderPID, over: 5)
        let rawIdleAfter = ProcessSample.wakeups(rawPID, over: 0.5) * 10
        try tmux.sendKeys("C-q")
        return (
            Figures(
                before: before.0, after: ponderAfter, firstPaint: ponderPaint, wall: ponderWall,
                idleWakeups: (ponderIdle, ponderIdleAfter)),
            Figures(
                before: before.1, after: rawAfter, firstPaint: rawPaint, wall: rawWall,
                idleWakeups: (rawIdle, rawIdleAfter))
        )
    }

    private static func report(_ scenario: Scenario, ponder: [Figures], raw: [Figures]) {
        let pace = scenario.tokensPerSecond.map { String(format: "%.0f tok/s", $0) } ?? "as fast as sent"
        let title = String(
            format: "pace: %ld + %ld tokens %@ (120x40 tmux, median of %ld, ponder / raw printer = ratio):",
            scenario.reasoningTokens, scenario.answerTokens, pace, ponder.count)
        print(title)
        func line(_ label: String, _ unit: String, _ format: String, _ value: (Figures) -> Double) {
            let mine = BenchStatistics.percentile(ponder.map(value), 0.5)
            let theirs = BenchStatistics.percentile(raw.map(value), 0.5)
            let ratio = theirs > 0 ? String(format: "%.2fx", mine / theirs) : "-"
            print(
                "pace:   \(label): " + String(format: format, mine) + " / " + String(format: format, theirs)
                    + " \(unit) = \(ratio)")
        }
        line("CPU for the stream", "s", "%.2f") { $0.cpu }
        line("peak RSS", "MB", "%.1f") { $0.peakRSS }
        line("resident at the end, mapped from files (code)", "MB", "%.1f") { $0.fileRSS }
        line("resident at the end, allocated", "MB", "%.1f") { $0.anonymousRSS }
        line("first paint", "s", "%.3f") { $0.firstPaint }
        line("request to last token on screen", "s", "%.2f") { $0.wall }
        line("wakeups while idle for 5 s", "", "%.0f") { $0.idleWakeups }
        line("wakeups while idle for 5 s after the answer", "", "%.0f") { $0.idleWakeupsAfter }
    }

    // MARK: - Echo and memory

    /// Keystroke echo while 2,000 + 300 tokens stream at 50 tokens/s.
    private static func echoWhileStreaming(ponder: URL, server: FakeServer, store: URL?) throws {
        let home = try FakeProviderHome(prefix: "ponder-pace-echo", server: server)
        try copyStore(store, to: home.databaseFile)
        let tmux = try TmuxSession(command: ponder.path, environment: home.environment, width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Message")
        server.enqueue(FakeScenario(name: "pace-echo", reasoningTokens: 2_000, answerTokens: 300, tokensPerSecond: 50))
        try tmux.sendLiteral("think at length")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "step 2")
        let latencies = try ChatStreamBench.echoLatencies(tmux, count: 60)
        print(
            String(
                format:
                    "pace: keystroke to echo while streaming at 50 tok/s: median %.1f ms, worst %.1f ms over %ld keys",
                BenchStatistics.percentile(latencies, 0.5), latencies.max() ?? 0, latencies.count))
        try tmux.sendKeys("C-q")
    }

    /// Peak RSS of ponder opened on a conversation of 1,000,000 tokens (20 answers of 45,000
    /// reasoning and 5,000 answer words), after paging to its top and back.
    private static func bigConversation(ponder: URL, server: FakeServer) throws {
        let home = try FakeProviderHome(prefix: "ponder-pace-big", server: server)
        try FileManager.default.createDirectory(
            at: home.databaseFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let tokens = try makeBigConversation(at: home.databaseFile)
        let start = ContinuousClock.now
        let tmux = try TmuxSession(command: ponder.path, environment: home.environment, width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Message", timeout: 60, wholeFrame: false)
        let paint = seconds(since: start)
        let pid = try tmux.panePID()
        for _ in 0..<5 { try tmux.sendKeys("PageUp") }
        for _ in 0..<5 { try tmux.sendKeys("PageDown") }
        usleep(1_000_000)
        let sample = try ProcessSample.read(pid)
        print(
            String(
                format: "pace: a %ld-token conversation open: peak RSS %.1f MB, first paint %.2f s",
                tokens, Double(sample.peakResidentBytes) / 1e6, paint))
        try tmux.sendKeys("C-q")
    }

    // MARK: - Stores

    private static func makeStore(at url: URL, conversations: Int) throws {
        let store = try ConversationStore.open(at: url)
        try BrowseBench.generate(count: conversations, into: store)
        try store.checkpoint()
    }

    /// Words joined the way BrowseBench's texts are; returns the token (word) count.
    private static func makeBigConversation(at url: URL) throws -> Int {
        let store = try ConversationStore.open(at: url)
        let words = ["mutex", "lock", "order", "garden", "thread", "cache", "proof", "reason", "并发", "量子"]
        var random = SeededRandom(seed: 0xb16)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in words[random.next(words.count)] }.joined(separator: " ")
        }
        let conversation = Conversation(title: "one million tokens", model: "deepseek-reasoner")
        var messages: [Message] = []
        var parent: MessageID?
        var tokens = 0
        for turn in 0..<20 {
            let question = Message(
                conversationID: conversation.id, parentID: parent, role: .user, answer: "turn \(turn)")
            let reply = Message(
                conversationID: conversation.id, parentID: question.id, role: .assistant, reasoning: text(45_000),
                answer: text(5_000))
            messages += [question, reply]
            parent = reply.id
            tokens += 50_000
        }
        try store.saveAll(conversations: [conversation], messages: messages)
        try store.checkpoint()
        return tokens
    }

    private static func copyStore(_ source: URL?, to target: URL) throws {
        guard let source else { return }
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        BenchStatistics.milliseconds(ContinuousClock.now - start) / 1000
    }
}
