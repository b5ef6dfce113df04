import Foundation
import TestSupport
import TestTraits
import Testing

/// The real `ponder` binary in a real tmux, driven by keys and checked by pane captures.
@Suite(.serialized, .ownThreads) struct TUIEndToEndTests {
    /// A shell in tmux with a private HOME and XDG dirs, and a way to start ponder in it.
    struct Harness {
        let home: TemporaryDirectory
        let tmux: TmuxSession
        let ponder: URL

        init(width: Int = 100, height: Int = 30) throws {
            ponder = try BuildProducts.executable("ponder")
            home = try TemporaryDirectory(prefix: "ponder-e2e")
            tmux = try TmuxSession.shell(
                environment: TestEnvironment.isolated(home: home.path), width: width, height: height,
                directory: home.path)
        }

        /// Starts ponder from the shell and waits for its layout.
        func startPonder() throws { try tmux.startPonder(ponder) }

        /// Waits until ponder has exited and the shell owns the normal screen again.
        func waitForShell() throws -> String {
            try tmux.waitFor("the shell back on the normal screen") { screen in
                (try? tmux.format("#{alternate_on}")) == "0" && !screen.contains("Message")
                    && screen.split(separator: "\n").last?.hasPrefix("$") == true
            }
        }

        /// The pid of ponder, the shell's child.
        func ponderPID() throws -> pid_t { try tmux.paneChildPID() }
    }

    @Test func firstScreenShowsTheLayout() throws {
        let harness = try Harness(width: 120, height: 30)
        try harness.startPonder()
        let screen = try harness.tmux.waitFor(text: "No conversations yet")
        #expect(screen.contains("Conversations"))
        #expect(screen.contains("Thinking"))
        #expect(screen.contains("Reasoning will stream here"))
        #expect(screen.contains("no model is set up yet"))
        #expect(screen.contains("DEEPSEEK_API_KEY=sk-"))
        // The setup text is wrapped in the middle column: read it as one run of words.
        let middle = screen.split(separator: "\n").compactMap { line -> String? in
            let columns = line.split(separator: "│", omittingEmptySubsequences: false)
            return columns.count == 3 ? String(columns[1]) : nil
        }
        let words = middle.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            words.contains(
                "To run a small model on this machine: quit, run ponder engine install and start ponder again."))
        #expect(screen.contains("Ctrl-Q quit"))
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }

    @Test func questionMarkShowsHelpAndEscapeClosesIt() throws {
        let harness = try Harness()
        try harness.startPonder()
        try harness.tmux.sendLiteral("?")
        let help = try harness.tmux.waitFor(text: "Keys — Esc closes")
        #expect(help.contains("Everywhere"))
        #expect(help.contains("Ctrl-Q"))
        try harness.tmux.sendKeys("Escape")
        try harness.tmux.waitFor("help to close") { !$0.contains("Keys — Esc closes") && $0.contains("Thinking") }
        try harness.tmux.sendKeys("F1")
        try harness.tmux.waitFor(text: "Keys — Esc closes")
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }

    /// A frame reaches the terminal in one write, not one per cursor move: ncurses flushes at every
    /// move until its screen has been through `endwin` once. The help overlay, opened and closed ten
    /// times, repaints most rows each time; `/proc/PID/io` counts ponder's write calls.
    @Test func aFrameReachesTheTerminalInAFewWrites() throws {
        let harness = try Harness(width: 120, height: 30)
        try harness.startPonder()
        _ = try harness.tmux.waitFor(text: "No conversations yet")
        let pid = try harness.ponderPID()
        let before = try #require(ProcessTable.writeCalls(of: pid))
        let toggles = 10
        for _ in 0..<toggles {
            try harness.tmux.sendLiteral("?")
            _ = try harness.tmux.waitFor(text: "Keys — Esc closes")
            try harness.tmux.sendKeys("Escape")
            try harness.tmux.waitFor("help to close") { !$0.contains("Keys — Esc closes") && $0.contains("Thinking") }
        }
        let writes = try #require(ProcessTable.writeCalls(of: pid)) - before
        // Two frames a toggle, and room for a few more (a frame split by a slow terminal).
        #expect(writes <= toggles * 2 * 3, "\(writes) write calls for \(toggles * 2) frames")
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }

    /// The thread that owns the terminal is named, so `top -H`, `perf` and `/proc` show which one
    /// draws (a thread otherwise inherits the name of the libdispatch worker that started it).
    @Test func theTerminalThreadIsNamed() throws {
        let harness = try Harness(width: 120, height: 30)
        try harness.startPonder()
        _ = try harness.tmux.waitFor(text: "No conversations yet")
        let pid = try harness.ponderPID()
        let names = ProcessTable.threadNames(of: pid)
        #expect(names.contains("ponder-ui"), "threads: \(names)")
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }

    @Test func tooSmallMessageAppearsAndGoesAwayOnResize() throws {
        let harness = try Harness(width: 80, height: 24)
        try harness.startPonder()
        try harness.tmux.resize(width: 30, height: 8)
        let small = try harness.tmux.waitFor(text: "too small")
        #expect(small.contains("40x10"))
        try harness.tmux.resize(width: 80, height: 24)
        try harness.tmux.waitFor("the layout again") { $0.contains("Thinking") && !$0.contains("too small") }
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }

    @Test func typingChineseAndEmojiShowsInTheEditor() throws {
        let harness = try Harness()
        try harness.startPonder()
        try harness.tmux.sendLiteral("你好，世界 🤔 ok")
        try harness.tmux.waitFor(text: "› 你好，世界 🤔 ok")
        try harness.tmux.sendKeys("BSpace", "BSpace", "BSpace")
        try harness.tmux.waitFor("three graphemes deleted") { $0.contains("› 你好，世界 🤔") && !$0.contains("🤔 ok") }
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }

    @Test func pasteIsInsertedWholeAndNotSent() throws {
        let harness = try Harness()
        try harness.startPonder()
        try harness.tmux.paste("first line\nsecond 行")
        let screen = try harness.tmux.waitFor(text: "second 行")
        #expect(screen.contains("› first line"))
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }

    @Test func ctrlQRestoresTheTerminal() throws {
        let harness = try Harness()
        try harness.startPonder()
        try harness.tmux.sendKeys("C-q")
        let screen = try harness.waitForShell()
        #expect(screen.contains(harness.ponder.path))
        #expect(!screen.contains("Thinking"))
        try harness.tmux.sendLiteral("echo status=$?")
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor(text: "status=0")
    }

    @Test func ctrlCTwiceQuits() throws {
        let harness = try Harness()
        try harness.startPonder()
        try harness.tmux.sendKeys("C-c")
        try harness.tmux.waitFor(text: "Press Ctrl-C again to quit")
        // Two presses in one tmux command land within the 1.5 s window however slow the machine is (a
        // second press sent on its own after the notice could come late and only ask again).
        try harness.tmux.sendKeys("C-c", "C-c")
        _ = try harness.waitForShell()
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let harness = try Harness()
        try harness.startPonder()
        let pid = try harness.ponderPID()
        #expect(kill(pid, SIGTERM) == 0)
        let screen = try harness.waitForShell()
        #expect(!screen.contains("Thinking"))
        try harness.tmux.sendLiteral("echo status=$?")
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor(text: "status=143")
    }
}
