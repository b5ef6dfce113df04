import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The real `ponder` in tmux with the real local engine installed by `make engine` and its default
/// small model: no API keys and no provider chosen, so the engine is the provider, as on a fresh machine.
/// Each test checks the screen, the store and the engine processes, and that none outlives ponder.
@Suite(.serialized, .ownThreads) struct LocalEngineEndToEndTests {
    /// A question the small model answers at length, so that there is time to interrupt it.
    static let longQuestion = "Write a long story about a lighthouse keeper and a storm, in many paragraphs."
    static let otherLongQuestion = "Now write a long poem about a fishing village in winter, in many verses."

    /// A shell in tmux whose ponder finds the installed engine; the engine it starts is recognised
    /// by this test's private HOME in its environment.
    struct Harness {
        let home: TemporaryDirectory
        let tmux: TmuxSession
        let ponder: URL
        let environment: [String: String]

        /// `answerLimit` writes a config that gives the built-in `local` provider that many tokens at
        /// most and temperature 0, for a short answer that always ends; nil leaves the model's defaults.
        init(width: Int = 120, height: Int = 30, answerLimit: Int? = nil) throws {
            let installation = TestEnvironment.installedEngine
            try #require(installation.isInstalled, "run `make engine` first (looked in \(installation.directory.path))")
            ponder = try BuildProducts.executable("ponder")
            home = try TemporaryDirectory(prefix: "ponder-engine-e2e")
            environment = TestEnvironment.isolated(home: home.path, engineDirectory: installation.directory.path)
            if let answerLimit {
                let config = XDGPaths(environment: environment).configFile
                try FileManager.default.createDirectory(
                    at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
                try "[providers.local]\ntemperature = 0\nmax_tokens = \(answerLimit)\n".write(
                    to: config, atomically: true, encoding: .utf8)
            }
            tmux = try TmuxSession.shell(environment: environment, width: width, height: height, directory: home.path)
        }

        /// Starts ponder from the shell and waits until it shows the local provider.
        func startPonder() throws {
            try tmux.startPonder(ponder)
            try tmux.waitFor(text: "local · local")
        }

        func ask(_ question: String) throws {
            try tmux.sendLiteral(question)
            try tmux.sendKeys("Enter")
        }

        func quit() throws { try tmux.quitPonder() }

        /// Waits until the status bar counts at least `count` answer tokens of the streaming answer.
        @discardableResult
        func waitForAnswerTokens(atLeast count: Int) throws -> String {
            try tmux.waitFor("\(count) answer tokens", timeout: 120) { screen in
                (Self.answerTokens(on: screen) ?? 0) >= count && screen.contains("answering")
            }
        }

        /// The `out N` count of the status bar (the last line).
        static func answerTokens(on screen: String) -> Int? {
            guard let status = screen.split(separator: "\n").last,
                let range = status.range(of: #"out \d+"#, options: .regularExpression)
            else { return nil }
            return Int(status[range].dropFirst(4))
        }

        /// The engine launchers started by this test's ponder, alive now.
        func engineProcesses() -> [pid_t] {
            ProcessTable.processes(withArgumentContaining: "ponder-engine.py", environmentEntry: "HOME=\(home.path)")
        }

        /// The one running engine of this test's ponder.
        func enginePID() throws -> pid_t {
            var found: [pid_t] = []
            _ = Poll.until(timeout: 20) {
                found = engineProcesses()
                return found.count == 1
            }
            guard found.count == 1 else { throw TmuxError(message: "expected one engine process, found \(found)") }
            return found[0]
        }

        /// Waits until no engine of this test's ponder is left.
        func waitForNoEngine(timeout: Double = 20) throws {
            guard Poll.until(timeout: timeout, { engineProcesses().isEmpty }) else {
                throw TmuxError(message: "engine processes still running: \(engineProcesses())")
            }
        }

        /// The pid of ponder, the shell's child.
        func ponderPID() throws -> pid_t {
            let shell = try tmux.panePID()
            var found: pid_t?
            _ = Poll.until(timeout: 10) {
                found = ProcessTable.children(of: shell).first { pid in
                    ProcessTable.arguments(of: pid).first == ponder.path
                }
                return found != nil
            }
            guard let found else { throw TmuxError(message: "ponder process not found") }
            return found
        }

        /// The assistant messages of the most recent conversation, read from the store file.
        func storedAnswers() throws -> [Message] {
            let store = try ConversationStore.open(at: XDGPaths(environment: environment).databaseFile)
            guard let conversation = try store.listConversations().first?.conversation else { return [] }
            return try store.messages(in: conversation.id).filter { $0.role == .assistant }
        }

        /// Polls a few captures (everything above the status bar) and returns true when they stayed
        /// the same for `window` seconds.
        func transcriptStaysUnchanged(for window: Double = 2) throws -> Bool {
            func body() throws -> String {
                try tmux.capture().split(separator: "\n").dropLast().joined(separator: "\n")
            }
            let first = try body()
            return try !Poll.until(timeout: window, interval: 0.25) { try body() != first }
        }
    }

    /// Words of the end of `answer` (letters and digits, two or more) that are not in `question`:
    /// some of them must be on screen when the transcript follows the end of the answer.
    static func closingWords(of answer: String, notIn question: String) -> [String] {
        let words = answer.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Array(words.filter { $0.count >= 2 && !question.localizedCaseInsensitiveContains($0) }.suffix(6))
    }

    @Test func aQuestionGetsAStreamedAnswerAndCtrlQStopsTheEngine() throws {
        let harness = try Harness(answerLimit: 48)
        try harness.startPonder()
        #expect(harness.engineProcesses().isEmpty, "the engine starts with the first message, not before")
        let question = "What is the capital of France?"
        try harness.ask(question)
        // SmolLM2 does not reason: once the answer is done, its empty thinking panel says so and what
        // gets a model that does (waited for in one screen, so a frame drawn halfway is not judged).
        func panel(_ screen: String) -> String {
            screen.split(separator: "\n").compactMap { $0.split(separator: "│").last }.joined(separator: " ")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let done = try harness.tmux.waitFor("the answer to finish with the empty panel's note", timeout: 180) {
            $0.contains("│ done") && panel($0).contains("answers without thinking, so this panel stays empty")
        }
        #expect(done.contains(question))
        #expect(panel(done).contains("model_path in [local]"))
        let answer = try #require(try harness.storedAnswers().last)
        #expect(answer.status == .complete)
        #expect(!answer.answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(answer.provider == "local")
        let closing = Self.closingWords(of: answer.answer, notIn: question)
        if !closing.isEmpty {
            #expect(closing.contains { done.contains($0) }, "the end of the answer is on screen: \(closing)")
        }
        #expect(try harness.enginePID() > 0)
        try harness.quit()
        try harness.waitForNoEngine()
    }

    @Test func escapeStopsTheAnswerAndKeepsThePartialText() throws {
        let harness = try Harness()
        try harness.startPonder()
        try harness.ask(Self.longQuestion)
        try harness.waitForAnswerTokens(atLeast: 8)
        try harness.tmux.sendKeys("Escape")
        let stopped = try harness.tmux.waitFor(text: "Stopped — the partial answer is kept", timeout: 30)
        #expect(stopped.contains("│ cancelled"))
        let partial = try #require(try harness.storedAnswers().last)
        #expect(partial.status == .cancelled)
        #expect(!partial.answer.isEmpty)
        #expect(try harness.transcriptStaysUnchanged(), "the answer stopped growing")
        #expect(try harness.storedAnswers().last?.answer == partial.answer)
        try harness.quit()
        try harness.waitForNoEngine()
        let reopened = try #require(try harness.storedAnswers().last)
        #expect(reopened.answer == partial.answer && reopened.status == .cancelled)
    }

    @Test func killingTheEngineMidAnswerSaysSoAndTheNextMessageStartsItAgain() throws {
        let harness = try Harness()
        try harness.startPonder()
        try harness.ask(Self.longQuestion)
        try harness.waitForAnswerTokens(atLeast: 8)
        let engine = try harness.enginePID()
        #expect(kill(engine, SIGKILL) == 0)
        let failed = try harness.tmux.waitFor(text: "The local engine stopped during the answer", timeout: 30)
        #expect(failed.contains("killed by signal 9"))
        // A stream cut off after it started is interrupted (Ctrl-G continues it), like any dropped connection.
        #expect(failed.contains("⚠ Interrupted — the partial answer is kept"))
        let partial = try #require(try harness.storedAnswers().last)
        #expect(partial.status == .interrupted)
        #expect(!partial.answer.isEmpty)
        #expect(partial.errorText?.contains("your next message starts the engine again") == true)

        // The next message starts a new engine and streams; the long answer is then stopped. It asks
        // something else: asked the same question again, the small model can copy its cut-off answer
        // from the history, ending where the kill cut it, before Esc arrives.
        try harness.ask(Self.otherLongQuestion)
        try harness.waitForAnswerTokens(atLeast: 1)
        let restarted = try harness.enginePID()
        #expect(restarted != engine)
        try harness.tmux.sendKeys("Escape")
        try harness.tmux.waitFor(text: "Stopped — the partial answer is kept", timeout: 30)
        let answers = try harness.storedAnswers()
        #expect(answers.count == 2)
        #expect(answers.first?.answer == partial.answer && answers.first?.status == .interrupted)
        #expect(answers.last?.status == .cancelled && answers.last?.answer.isEmpty == false)
        try harness.quit()
        try harness.waitForNoEngine()
    }

    @Test func killingPonderItselfEndsTheEngine() throws {
        let harness = try Harness(answerLimit: 16)
        try harness.startPonder()
        try harness.ask("Say hello.")
        try harness.tmux.waitFor("the answer", timeout: 180) { $0.contains("│ done") }
        let engine = try harness.enginePID()
        #expect(kill(try harness.ponderPID(), SIGKILL) == 0)
        try harness.waitForNoEngine()
        #expect(!ProcessTable.isAlive(engine))
    }
}
