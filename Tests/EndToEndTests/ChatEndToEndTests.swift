import Foundation
import TestSupport
import TestTraits
import Testing

/// The chat screen end to end: the real `ponder` in tmux, talking to the real fake provider
/// server through a temporary config file.
@Suite(.serialized, .ownThreads) struct ChatEndToEndTests {
    /// A shell in tmux whose ponder is configured for `ponder-fake-server` with one scenario.
    struct Harness {
        let server: FakeServerProcess
        let home: TemporaryDirectory
        let tmux: TmuxSession
        let ponder: URL

        /// `extraConfig` is appended to the config file (e.g. a `[ui]` table).
        init(model: String, width: Int = 120, height: Int = 30, extraConfig: String = "") throws {
            server = try FakeServerProcess()
            ponder = try BuildProducts.executable("ponder")
            home = try TemporaryDirectory(prefix: "ponder-chat-e2e")
            let config = """
                default_provider = "fake"

                [providers.fake]
                kind = "deepseek"
                base_url = "\(server.baseURL)"
                api_key_env = "FAKE_PROVIDER_KEY"
                model = "\(model)"
                """ + "\n" + extraConfig
            try config.write(toFile: home.path + "/config.toml", atomically: true, encoding: .utf8)
            var environment = TestEnvironment.isolated(home: home.path)
            environment["PONDER_CONFIG"] = home.path + "/config.toml"
            environment["FAKE_PROVIDER_KEY"] = "sk-test"
            tmux = try TmuxSession.shell(environment: environment, width: width, height: height, directory: home.path)
        }

        func startPonder() throws { try tmux.startPonder(ponder) }

        func ask(_ question: String) throws {
            try tmux.sendLiteral(question)
            try tmux.sendKeys("Enter")
        }

        func quit() throws { try tmux.quitPonder() }
    }

    @Test func questionStreamsReasoningIntoThePanelAndTheAnswerIntoTheTranscript() throws {
        let harness = try Harness(model: "fake-slow")
        try harness.startPonder()
        try harness.ask("What is 量子?")
        let thinking = try harness.tmux.waitFor("reasoning streaming in the panel") {
            $0.contains("step 5") && $0.contains("Thinking ·") && $0.contains("thinking")
        }
        #expect(thinking.contains("▸ Thinking…"))
        let done = try harness.tmux.waitFor("the answer and done") {
            $0.contains("You said: “What is 量子?”.") && $0.contains("│ done")
        }
        #expect(done.contains("step 59"))
        #expect(done.contains("▸ Thought for"))
        #expect(done.contains("What is 量子?"))
        try harness.quit()
    }

    @Test func escapeMidThoughtKeepsThePartialTraceAcrossARestart() throws {
        let harness = try Harness(model: "fake-slow-long")
        try harness.startPonder()
        try harness.ask("stop early")
        try harness.tmux.waitFor(text: "step 4")
        try harness.tmux.sendKeys("Escape")
        let stopped = try harness.tmux.waitFor(text: "Stopped — the partial answer is kept")
        #expect(!stopped.contains("step 1160"))
        #expect(!stopped.contains("You said"))
        try harness.quit()
        try harness.startPonder()
        let reopened = try harness.tmux.waitFor(text: "Stopped — the partial answer is kept")
        #expect(reopened.contains("stop early"))
        #expect(reopened.contains("step 4"))
        try harness.quit()
    }

    @Test func foldStatesSurviveARestart() throws {
        let harness = try Harness(model: "fake-reasoner")
        try harness.startPonder()
        try harness.ask("fold me")
        try harness.tmux.waitFor(text: "▸ Thought")
        try harness.tmux.sendKeys("C-o")
        try harness.tmux.waitFor("the reasoning unfolded") { $0.contains("▾ Thought") && $0.contains("┊ step 1") }
        try harness.quit()
        try harness.startPonder()
        try harness.tmux.waitFor("still unfolded after a restart") {
            $0.contains("▾ Thought") && $0.contains("┊ step 1")
        }
        try harness.tmux.sendKeys("C-o")
        try harness.tmux.waitFor("folded again") { $0.contains("▸ Thought") && !$0.contains("┊ step 1") }
        try harness.quit()
        try harness.startPonder()
        try harness.tmux.waitFor("still folded after a restart") {
            $0.contains("▸ Thought") && !$0.contains("┊ step 1")
        }
        try harness.quit()
    }

    @Test func aStoppedAnswerCanBeContinued() throws {
        let harness = try Harness(model: "fake-slow")
        try harness.startPonder()
        try harness.ask("go on")
        try harness.tmux.waitFor(text: "step 3")
        try harness.tmux.sendKeys("Escape")
        try harness.tmux.waitFor(text: "Stopped — the partial answer is kept")
        try harness.tmux.sendKeys("C-g")
        let done = try harness.tmux.waitFor("the continued answer") {
            $0.contains("You said: “go on”.") && $0.contains("│ done")
        }
        #expect(!done.contains("Stopped — the partial answer is kept"))
        #expect(!done.contains("Answer 1 of"))
        try harness.quit()
    }

    @Test func regenerateKeepsTheOldAnswerAsASiblingToFlipTo() throws {
        let harness = try Harness(model: "fake-reasoner")
        try harness.startPonder()
        try harness.ask("twice")
        try harness.tmux.waitFor("the first answer") { $0.contains("You said: “twice”.") && $0.contains("│ done") }
        try harness.tmux.sendKeys("C-r")
        try harness.tmux.waitFor("the second answer") { $0.contains("Answer 2 of 2") && $0.contains("│ done") }
        try harness.tmux.sendKeys("Tab", "Tab")
        try harness.tmux.sendLiteral("<")
        try harness.tmux.waitFor(text: "Answer 1 of 2")
        try harness.tmux.sendLiteral(">")
        try harness.tmux.waitFor(text: "Answer 2 of 2")
        try harness.quit()
        try harness.startPonder()
        let reopened = try harness.tmux.waitFor(text: "Answer 2 of 2")
        #expect(reopened.contains("You said: “twice”."))
        try harness.quit()
    }

    @Test func pastedMultiLineTextIsNotSent() throws {
        let harness = try Harness(model: "fake-reasoner")
        try harness.startPonder()
        try harness.tmux.paste("line one\nline two")
        let screen = try harness.tmux.waitFor(text: "line two")
        #expect(screen.contains("No messages yet"))
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor(text: "You said: “line one")
        try harness.quit()
    }

    @Test func hostileEscapeSequencesShowAsVisibleSymbols() throws {
        let harness = try Harness(model: "fake-hostile")
        try harness.startPonder()
        try harness.ask("be nasty")
        let screen = try harness.tmux.waitFor(text: "alt screen")
        #expect(screen.contains("␛["))
        #expect(screen.contains("⟨RLO⟩"))
        #expect((try harness.tmux.format("#{alternate_on}")) == "1")
        #expect(!screen.contains("owned title") || screen.contains("␛]0;owned title"))
        try harness.tmux.sendKeys("C-o")
        try harness.tmux.waitFor(text: "␛[31mred CSI")
        try harness.quit()
    }
}
