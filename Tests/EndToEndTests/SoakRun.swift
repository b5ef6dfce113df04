import Foundation
import PonderCore
import TestSupport
import Testing

/// One soak run: `ponder` started by a small shell script in tmux (which saves the terminal modes
/// before and after, and the exit status), a store with a few conversations for the browser, the
/// fake server streaming a long answer at 40 tokens/s, and the storm of one seed.
struct SoakRun {
    let seed: UInt64
    let server: FakeServerProcess
    let home: FakeProviderHome
    let tmux: TmuxSession
    /// Holds the server's request log.
    let logs: TemporaryDirectory
    var requestLog: String { logs.path + "/requests.log" }
    /// The last events sent, named in a failure.
    private var recent: [SoakStorm.Event] = []

    static let width = 120
    static let height = 40

    init(seed: UInt64) throws {
        self.seed = seed
        logs = try TemporaryDirectory(prefix: "ponder-soak-requests")
        server = try FakeServerProcess(arguments: [
            "--scenario", "fake-slow", "--reasoning-tokens", "400", "--answer-tokens", "300", "--rate", "40",
            "--request-log", logs.path + "/requests.log",
        ])
        var home = try FakeProviderHome(prefix: "ponder-soak", baseURL: server.baseURL, model: "soak-stream")
        home.environment["EDITOR"] = "true"
        home.environment["VISUAL"] = ""
        self.home = home
        try Self.fillStore(XDGPaths(environment: home.environment).databaseFile)
        let ponder = try BuildProducts.executable("ponder")
        let script = #"stty -g >"$1/stty-before"; "$2"; echo $? >"$1/status"; stty -g >"$1/stty-after""#
        let command = ["sh", "-c", script, "sh", home.path, ponder.path].map(TmuxSession.shellQuoted)
        tmux = try TmuxSession(
            command: command.joined(separator: " "), environment: home.environment, width: Self.width,
            height: Self.height, workingDirectory: home.path)
    }

    /// A dozen answered conversations, so the browser has a list to move through.
    static func fillStore(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try ConversationStore.open(at: url)
        for index in 1...12 {
            let conversation = Conversation(title: "Soak conversation \(index)", provider: "fake", model: "soak-stream")
            let user = Message(conversationID: conversation.id, role: .user, answer: "question \(index)")
            let assistant = Message(
                conversationID: conversation.id, parentID: user.id, role: .assistant,
                reasoning: "step 1 of thinking \(index)", answer: "answer \(index)", status: .complete)
            try store.saveTurn(conversation: conversation, messages: [user, assistant])
        }
    }

    var seedText: String { "0x" + String(seed, radix: 16) }

    /// Starts Ponder, asks a question, runs the storm for `seconds`, then checks Ponder
    /// answers, quits cleanly and left the terminal and the store sound.
    mutating func run(seconds: Double) throws {
        print("soak: seed \(seedText) (PONDER_SOAK_SEED=\(seedText)) for \(seconds) s")
        do {
            try tmux.waitFor(text: "Message")
            let pid = try tmux.paneChildPID()
            try tmux.sendLiteral("soak question: think for a long while")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "step 3")
            let (events, elapsed) = try storm(seconds: seconds, pid: pid)
            let figures = String(format: "%d events in %.1f s (%.0f/s)", events, elapsed, Double(events) / elapsed)
            print("soak: seed \(seedText): \(figures), \(chatRequests()) chat requests")
            let afterStorm = Date()
            try expectResponsive(pid: pid)
            let answered = Date()
            try quit()
            let quitTime = Date().timeIntervalSince(answered)
            print(
                String(
                    format: "soak: seed %@: help shown %.1f s after the storm, quit in %.1f s", seedText,
                    answered.timeIntervalSince(afterStorm), quitTime))
            try expectCleanExit()
        } catch {
            Issue.record("soak seed \(seedText) failed: \(error)\nlast events:\n\(recentText)\nlog:\n\(logTail)")
        }
    }

    private var recentText: String { recent.map { "  \($0)" }.joined(separator: "\n") }

    private var logFile: String { XDGPaths(environment: home.environment).logFile.path }

    private var logTail: String {
        String(((try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "(no log)").suffix(3_000))
    }

    private func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 && ProcessTable.parent(of: pid) == (try? tmux.panePID())
    }

    /// Sends events for `seconds`; checks every few events that Ponder is still the same process.
    private mutating func storm(seconds: Double, pid: pid_t) throws -> (events: Int, elapsed: Double) {
        var storm = SoakStorm(seed: seed, width: Self.width, height: Self.height)
        let start = Date()
        var events = 0
        var pasted = 0
        while Date().timeIntervalSince(start) < seconds {
            let event = storm.next()
            if case .paste(let bytes, _, _) = event { pasted += bytes }
            recent.append(event)
            if recent.count > 40 { recent.removeFirst() }
            try SoakStorm.send(event, to: tmux, directory: home.path)
            events += 1
            if events % 20 == 0, !isAlive(pid) {
                throw TmuxError(message: "ponder (pid \(pid)) is gone after \(events) events")
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        print(String(format: "soak: seed %@: %.1f MB pasted", seedText, Double(pasted) / 1_000_000))
        guard isAlive(pid) else { throw TmuxError(message: "ponder (pid \(pid)) is gone after the storm") }
        return (events, elapsed)
    }

    /// At a known size, Esc closes whatever the storm left open (the browser takes up to three:
    /// search field, search, browser) and F1 shows the help; Esc closes it again. Rounds of Esc and
    /// F1 go on, each waiting 3 s for the help, for at most a minute: input the storm left queued
    /// is worked through first. A pause between Esc and F1 keeps them two keys (else the terminal
    /// reads them as Alt-F1).
    private func expectResponsive(pid: pid_t) throws {
        try tmux.resize(width: Self.width, height: Self.height)
        var helpShown = false
        for _ in 0..<20 where !helpShown {
            try tmux.sendKeys("Escape")
            Thread.sleep(forTimeInterval: 0.15)
            try tmux.sendKeys("F1")
            helpShown = try Poll.until(timeout: 3) {
                let screen = try tmux.capture()
                return screen.contains("Keys — Esc closes") && screen.contains("Everywhere")
            }
        }
        guard helpShown else {
            throw TmuxError(message: "F1 showed no help after the storm; screen:\n\(try tmux.capture())")
        }
        try tmux.sendKeys("Escape")
        try tmux.waitFor("the help closed", timeout: 30) { !$0.contains("Keys — Esc closes") }
        guard isAlive(pid) else { throw TmuxError(message: "ponder (pid \(pid)) is gone") }
    }

    /// Ctrl-Q; during a stream Ponder asks for a second press.
    private func quit() throws {
        try tmux.sendKeys("C-q")
        let first = try Poll.until(timeout: 60) {
            try tmux.format("#{pane_dead}") == "1" || tmux.capture().contains("Ctrl-Q again")
        }
        guard first else {
            // Whether it is still working (threads running) or waits for input that never came.
            throw TmuxError(message: "Ctrl-Q did nothing; screen:\n\(try tmux.capture())" + tmux.ponderReport())
        }
        if try tmux.format("#{pane_dead}") != "1" { try tmux.sendKeys("C-q") }
        // A pasted question of a megabyte may still be indexed for search when Ctrl-Q arrives.
        guard try Poll.until(timeout: 120, { try tmux.format("#{pane_dead}") == "1" }) else {
            throw TmuxError(message: "ponder did not quit; screen:\n\(try tmux.capture())" + tmux.ponderReport())
        }
    }

    /// A file the script wrote, trimmed; nil when it wrote none.
    private func contents(_ name: String) -> String? {
        (try? String(contentsOfFile: home.path + "/" + name, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func expectCleanExit() throws {
        #expect(contents("status") == "0", "soak seed \(seedText): exit status")
        #expect(try tmux.format("#{alternate_on}") == "0", "soak seed \(seedText): the alternate screen was left")
        #expect(contents("stty-before")?.isEmpty == false, "soak seed \(seedText): the modes before were saved")
        #expect(
            contents("stty-after") == contents("stty-before"),
            "soak seed \(seedText): terminal modes restored (stty -g before and after)")
        let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        for sign in ["Fatal error", "Stack dump", "Segmentation fault", "SIGSEGV", "SIGABRT", "Illegal instruction"] {
            #expect(!log.contains(sign), "soak seed \(seedText): '\(sign)' in the log:\n\(logTail)")
        }
        let store = try ConversationStore.open(at: XDGPaths(environment: home.environment).databaseFile)
        #expect(try store.integrityProblems().isEmpty, "soak seed \(seedText): integrity_check")
        #expect(chatRequests() >= 1, "soak seed \(seedText): an answer streamed")
    }

    /// Chat requests (questions, retries and title requests) the server received.
    private func chatRequests() -> Int {
        guard let data = FileManager.default.contents(atPath: requestLog) else { return 0 }
        return data.split(separator: UInt8(ascii: "\n")).filter { line in
            String(decoding: line.prefix { $0 != UInt8(ascii: "\t") }, as: UTF8.self).contains("chat")
        }.count
    }
}
