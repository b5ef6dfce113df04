import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// Quitting never loses text: during a stream Ctrl-Q, or Ctrl-C pressed twice, asks first and one more
/// press of the same key stops the stream and quits; an answer that a full disk kept out of the store
/// is saved again or written to a file before Ponder leaves.
@Suite(.serialized, .ownThreads) struct QuitGuardEndToEndTests {
    struct QuitKeys: Sendable, CustomTestStringConvertible {
        /// The presses that ask to quit.
        var request: [String]
        /// The one press that then confirms.
        var confirm: String
        var testDescription: String { request.joined(separator: " ") }
    }

    @Test(arguments: [QuitKeys(request: ["C-q"], confirm: "C-q"), QuitKeys(request: ["C-c", "C-c"], confirm: "C-c")])
    func quittingDuringAStreamAsksFirstThenStopsAndKeepsWhatArrived(_ keys: QuitKeys) throws {
        // A minute of stream: the two presses must land while it still runs, however late the test sees step 3.
        let harness = try ChatEndToEndTests.Harness(model: "fake-slow-long")
        try harness.startPonder()
        try harness.ask("take your time")
        try harness.tmux.waitFor(text: "step 3")
        // One tmux command: Ctrl-C twice must land within its 1.5 s however slow the machine is.
        try harness.tmux.sendKeys(keys.request)
        let name = keys.confirm == "C-q" ? "Ctrl-Q" : "Ctrl-C"
        // The question is asked while the stream goes on (the panel still says Thinking); the confirming
        // press follows at once, well inside the question's 3 s.
        let asked = try harness.tmux.waitFor("the question, with the stream still running") {
            $0.contains("\(name) again stops it and quits") && $0.contains("Thinking ·")
        }
        try harness.tmux.quitPonder(with: keys.confirm)
        // Kept: the reasoning up to where the question was asked, and no answer.
        let lastShown = try #require(Self.lastStep(in: asked))
        let store = try ConversationStore.open(
            at: XDGPaths(environment: TestEnvironment.isolated(home: harness.home.path)).databaseFile)
        let conversation = try #require(try store.listConversations().first)
        let kept = try #require(try store.messages(in: conversation.id).last)
        #expect(kept.role == .assistant && kept.status == .cancelled, "\(kept.status)")
        #expect(kept.reasoning.contains("step \(lastShown) "), "\(kept.reasoning.suffix(200))")
        #expect(kept.answer.isEmpty, "the answer was stopped before it came")
        try harness.startPonder()
        let reopened = try harness.tmux.waitFor("the stopped answer, shown again") {
            $0.contains("take your time") && $0.contains("Stopped — the partial answer is kept")
        }
        #expect(!reopened.contains("You said"))
        try harness.quit()
    }

    @Test func quittingWhileASearchIsTypedAsksWhereItCanBeSeen() throws {
        let harness = try ChatEndToEndTests.Harness(model: "fake-slow-long")
        try harness.startPonder()
        try harness.ask("take your time")
        try harness.tmux.waitFor(text: "step 3")
        try harness.tmux.sendKeys("Tab", "Tab", "Tab")
        try harness.tmux.waitFor(text: "▌Thinking")
        try harness.tmux.sendLiteral("/step")
        try harness.tmux.waitFor(text: "Search thinking: /step")
        try harness.tmux.sendKeys("C-q")
        // The status bar holds the query being typed; the question must show there too.
        try harness.tmux.waitFor("the question beside the query") {
            $0.contains("Ctrl-Q again stops it and quits") && $0.contains("Search thinking: /step")
        }
        try harness.tmux.quitPonder(with: "C-q")
    }

    /// The highest "step N" on a screen.
    static func lastStep(in screen: String) -> Int? {
        screen.split(separator: "step ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.max()
    }

    @Test(.enabled(if: MountNamespace.isAvailable, "needs unprivileged user and mount namespaces"))
    func anAnswerTheDiskCouldNotHoldIsWrittenToAFileBeforeQuitting() async throws {
        let server = try await FakeServer.start(
            defaultScenario: FakeScenario(name: "fill", reasoningTokens: 40_000, answerTokens: 50))
        defer { Task { await server.stop() } }
        var home = try FakeProviderHome(prefix: "ponder-quit-e2e", baseURL: server.baseURL, model: "fill")
        let data = home.path + "/data"
        let keep = home.path + "/kept"
        let rescue = home.path + "/rescue"
        for directory in [data, keep, rescue] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        home.environment["TMPDIR"] = rescue
        let ponder = try BuildProducts.executable("ponder")
        let command = MountNamespace.smallDisk(size: "400k", on: data, keepingIn: keep, command: [ponder.path])
        let tmux = try TmuxSession(
            command: command.map(Self.shellQuoted).joined(separator: " "), environment: home.environment, width: 220,
            height: 30, workingDirectory: home.path)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Message")
        try tmux.sendLiteral("fill the disk")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("the warning that text could not be saved", timeout: 60) {
            $0.contains("characters of this answer could not be saved (the disk is full)")
        }
        try tmux.sendKeys("C-q")
        let written = try tmux.waitFor("the path the text was written to", timeout: 30) {
            $0.contains("The text is in ") && $0.contains("— Ctrl-Q quits")
        }
        #expect((try tmux.format("#{pane_dead}")) != "1", "the first Ctrl-Q does not quit")
        let files = try FileManager.default.contentsOfDirectory(atPath: rescue).filter { $0.hasSuffix(".md") }
        let file = try #require(files.first, "\(written)")
        #expect(written.contains(rescue + "/" + file), "the status bar names the file: \(written)")
        let text = try String(contentsOfFile: rescue + "/" + file, encoding: .utf8)
        #expect(text.contains("step 1 step 2 "), "the reasoning is in the file")
        #expect(text.contains("step 40000 "), "all of it")
        #expect(text.contains("You said: “fill the disk”."), "and the answer")
        #expect(text.contains(" Point 49."))
        let log = try String(contentsOfFile: home.path + "/state/ponder/ponder.log", encoding: .utf8)
        #expect(log.contains(rescue + "/" + file), "the log names the file too")
        try tmux.sendKeys("C-q")
        try tmux.waitFor("ponder to leave") { _ in (try? tmux.format("#{pane_dead}")) == "1" }
    }

    static func shellQuoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
