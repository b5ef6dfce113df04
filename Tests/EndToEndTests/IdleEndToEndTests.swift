import Foundation
import TestSupport
import TestTraits
import Testing

/// An app with nothing to do sleeps: while nothing streams, no thread of `ponder` is woken, neither
/// before the first question nor after an answer or a look at the models. A timer that fires every
/// second (libdispatch's pool monitor does, from the moment a task first runs on its worker threads)
/// would wake it all session long, on laptops on battery and on servers over ssh.
@Suite(.serialized, .ownThreads) struct IdleEndToEndTests {
    @Test func noThreadWakesWhileNothingStreams() throws {
        let harness = try ChatEndToEndTests.Harness(model: "fake-reasoner")
        try harness.startPonder()
        try harness.tmux.waitFor(text: "Message")
        let ponder = try harness.tmux.paneChildPID()
        let first = Self.quietWindow(ponder)
        #expect(first.quiet, "before the first question: \(first.lastWakeups)")
        try harness.ask("are you awake?")
        try harness.tmux.waitFor("the answer done") { $0.contains("│ done") }
        let after = Self.quietWindow(ponder)
        #expect(after.quiet, "after an answer: \(after.lastWakeups)")
        // Listing the models resolves the provider's key off the task threads (a key command may block).
        try harness.tmux.sendKeys("M-m")
        try harness.tmux.waitFor("the models listed") {
            $0.contains("Model for this conversation") && !$0.contains("listing…")
        }
        try harness.tmux.sendKeys("Escape")
        try harness.tmux.waitFor("the picker closed") { !$0.contains("Model for this conversation") }
        let listed = Self.quietWindow(ponder)
        #expect(listed.quiet, "after listing the models: \(listed.lastWakeups)")
        try harness.quit()
    }

    /// The offline default: ponder starts the local engine, asks it, and then sleeps too (the engine is
    /// a process of its own; only ponder's threads are counted).
    @Test func noThreadWakesAfterAnAnswerFromTheLocalEngine() throws {
        let harness = try LocalEngineEndToEndTests.Harness(answerLimit: 8)
        try harness.startPonder()
        let ponder = try harness.tmux.paneChildPID()
        try harness.ask("Say hello.")
        try harness.tmux.waitFor("the answer done", timeout: 120) { $0.contains("│ done") }
        let after = Self.quietWindow(ponder)
        #expect(after.quiet, "after an answer from the engine: \(after.lastWakeups)")
        try harness.quit()
    }

    /// Waits, for at most `timeout` seconds, until no thread of `pid` has been woken for `window`
    /// seconds in a row (the work after a start or an answer — the list, a title, the store's check —
    /// takes a moment to end). A window of 5 s catches any timer that fires at least that often.
    /// `lastWakeups` names the threads that woke last, when it never settles. A process that is gone
    /// (no threads to read) is never quiet.
    static func quietWindow(_ pid: pid_t, window: Double = 5, timeout: Double = 30) -> (
        quiet: Bool, lastWakeups: String
    ) {
        var since = Date()
        var seen = ProcessTable.threadSwitches(of: pid)
        var lastWakeups = seen.isEmpty ? "the process is gone" : "none"
        let quiet = Poll.until(timeout: timeout, interval: 0.1) {
            let now = ProcessTable.threadSwitches(of: pid)
            guard !now.isEmpty else {
                lastWakeups = "the process is gone"
                return false
            }
            let woken = now.filter { seen[$0.key] != $0.value }
            if !woken.isEmpty {
                lastWakeups = woken.keys.sorted().map { "thread \($0) (\(Self.threadName(pid, $0)))" }
                    .joined(separator: ", ")
                since = Date()
                seen = now
            }
            return Date().timeIntervalSince(since) >= window
        }
        return (quiet, lastWakeups)
    }

    static func threadName(_ pid: pid_t, _ thread: Int) -> String {
        let name = try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/comm", encoding: .utf8)
        return name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "gone"
    }
}
