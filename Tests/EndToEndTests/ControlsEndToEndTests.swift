import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// Per-conversation controls end to end: the real `ponder` in tmux against `ponder-fake-server`, which
/// writes every request it gets to a file the test reads.
@Suite(.serialized, .ownThreads) struct ControlsEndToEndTests {
    struct Harness {
        let server: FakeServerProcess
        let home: TemporaryDirectory
        let tmux: TmuxSession
        let ponder: URL
        let requestLog: String

        init(extraConfig: String = "") throws {
            home = try TemporaryDirectory(prefix: "ponder-controls-e2e")
            requestLog = home.path + "/requests.log"
            server = try FakeServerProcess(arguments: ["--request-log", requestLog])
            ponder = try BuildProducts.executable("ponder")
            let config = """
                default_provider = "fake"

                [providers.fake]
                kind = "deepseek"
                base_url = "\(server.baseURL)"
                api_key_env = "FAKE_PROVIDER_KEY"
                model = "fake-reasoner"

                [providers.other]
                kind = "openai"
                base_url = "\(server.baseURL)/v1"
                api_key_env = "FAKE_PROVIDER_KEY"
                model = "fake-no-reasoning"

                [presets]
                pirate = "Answer like a pirate."
                """ + "\n" + extraConfig
            try config.write(toFile: home.path + "/config.toml", atomically: true, encoding: .utf8)
            var environment = TestEnvironment.isolated(home: home.path)
            environment["PONDER_CONFIG"] = home.path + "/config.toml"
            environment["FAKE_PROVIDER_KEY"] = "sk-test"
            tmux = try TmuxSession.shell(environment: environment, width: 140, height: 36, directory: home.path)
        }

        func ask(_ question: String) throws {
            try tmux.sendLiteral(question)
            try tmux.sendKeys("Enter")
        }

        /// The chat request bodies the server received, oldest first.
        func chatBodies() -> [JSONValue] {
            let text = (try? String(contentsOfFile: requestLog, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, parts[0].contains("chat") else { return nil }
                return try? JSONValue.parse(Array(parts[1].utf8))
            }
        }

        /// Waits until `count` chat requests arrived and returns the last.
        @discardableResult
        func waitForRequest(_ count: Int) throws -> JSONValue {
            guard Poll.until(timeout: 20, { chatBodies().count >= count }), let last = chatBodies().last else {
                throw TmuxError(message: "the server got \(chatBodies().count) chat requests, not \(count)")
            }
            return last
        }
    }

    @Test func switchingTheModelMidConversationSendsTheNextQuestionToIt() throws {
        let harness = try Harness()
        try harness.tmux.startPonder(harness.ponder)
        try harness.ask("first question")
        try harness.tmux.waitFor("the first answer") {
            $0.contains("You said: “first question”") && $0.contains("│ done")
        }
        try harness.tmux.sendKeys("M-m")
        try harness.tmux.waitFor(text: "Model for this conversation")
        try harness.tmux.sendLiteral("other no-reas")
        try harness.tmux.waitFor("the filtered list") {
            $0.contains("Filter: other no-reas") && $0.contains("fake-no-reasoning")
        }
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor("the new model in the status bar") {
            $0.contains("other · fake-no-reasoning") && !$0.contains("Model for this conversation")
        }
        try harness.ask("second question")
        try harness.tmux.waitFor("the second answer under the model's name") {
            $0.contains("── other · fake-no-reasoning ──") && $0.contains("You said: “second question”")
                && $0.contains("│ done")
        }
        #expect(harness.chatBodies().map { $0["model"]?.stringValue } == ["fake-reasoner", "fake-no-reasoning"])
        try harness.tmux.quitPonder()
    }

    @Test func regenerateOnAnotherModelMakesASiblingToFlipTo() throws {
        let harness = try Harness()
        try harness.tmux.startPonder(harness.ponder)
        try harness.ask("compare us")
        try harness.tmux.waitFor("the first answer") { $0.contains("You said: “compare us”") && $0.contains("│ done") }
        try harness.tmux.sendKeys("M-m")
        try harness.tmux.sendLiteral("other no-reas")
        try harness.tmux.waitFor(text: "Filter: other no-reas")
        try harness.tmux.sendKeys("C-r")
        try harness.tmux.waitFor("the second answer from the other model") {
            $0.contains("Answer 2 of 2") && $0.contains("── other · fake-no-reasoning ──") && $0.contains("│ done")
        }
        #expect(try harness.waitForRequest(2)["model"]?.stringValue == "fake-no-reasoning")
        try harness.tmux.sendKeys("Tab")
        try harness.tmux.sendKeys("<")
        try harness.tmux.waitFor("the first answer with its model") {
            $0.contains("Answer 1 of 2") && $0.contains("── fake · fake-reasoner ──")
        }
        try harness.tmux.sendKeys(">")
        try harness.tmux.waitFor("back to the second") {
            $0.contains("Answer 2 of 2") && $0.contains("── other · fake-no-reasoning ──")
        }
        try harness.tmux.quitPonder()
    }

    @Test func cyclingTheEffortChangesTheRequestBody() throws {
        let harness = try Harness()
        try harness.tmux.startPonder(harness.ponder)
        try harness.tmux.waitFor(text: "fake · fake-reasoner · think auto")
        try harness.tmux.sendKeys("M-t")
        try harness.tmux.waitFor(text: "fake · fake-reasoner · think off")
        try harness.ask("no thinking")
        try harness.tmux.waitFor("the answer") { $0.contains("You said: “no thinking”") && $0.contains("│ done") }
        let off = try harness.waitForRequest(1)
        #expect(off["thinking"]?["type"]?.stringValue == "disabled")
        try harness.tmux.sendKeys("M-t")
        try harness.tmux.waitFor(text: "think low")
        try harness.ask("a little thinking")
        try harness.tmux.waitFor("the answer") { $0.contains("You said: “a little thinking”") && $0.contains("│ done") }
        let low = try harness.waitForRequest(2)
        #expect(low["thinking"]?["type"]?.stringValue == "enabled")
        #expect(low["reasoning_effort"]?.stringValue == "low")
        try harness.tmux.quitPonder()
    }

    @Test func aSystemPromptSurvivesARestart() throws {
        let harness = try Harness()
        try harness.tmux.startPonder(harness.ponder)
        try harness.tmux.sendKeys("M-s")
        try harness.tmux.waitFor(text: "System prompt — Enter saves it")
        try harness.tmux.sendLiteral("Be a careful mathematician.")
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor(text: "System prompt saved")
        try harness.ask("what is 2+2")
        try harness.tmux.waitFor("the answer under the prompt") {
            $0.contains("⚙ System prompt: Be a careful mathematician.") && $0.contains("│ done")
        }
        let body = try harness.waitForRequest(1)
        #expect(body["messages"]?[0]?["role"]?.stringValue == "system")
        #expect(body["messages"]?[0]?["content"]?.stringValue == "Be a careful mathematician.")
        try harness.tmux.quitPonder()
        try harness.tmux.startPonder(harness.ponder)
        try harness.tmux.waitFor(text: "⚙ System prompt: Be a careful mathematician.")
        try harness.ask("and 3+3")
        try harness.tmux.waitFor("the second answer") { $0.contains("You said: “and 3+3”") && $0.contains("│ done") }
        let after = try harness.waitForRequest(2)
        #expect(after["messages"]?[0]?["content"]?.stringValue == "Be a careful mathematician.")
        // A preset replaces it from the list.
        try harness.tmux.sendKeys("M-p")
        try harness.tmux.waitFor(text: "System prompt preset")
        try harness.tmux.sendKeys("Down", "Enter")
        try harness.tmux.waitFor(text: "⚙ System prompt: Answer like a pirate.")
        try harness.tmux.quitPonder()
    }

    @Test func aBudgetUsedUpWhileThinkingSaysSoAndContinueWorks() throws {
        let harness = try Harness()
        try harness.tmux.startPonder(harness.ponder)
        try harness.tmux.sendKeys("M-l")
        try harness.tmux.waitFor(text: "Answer budget")
        try harness.tmux.sendLiteral("5")
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor(text: "· max 5")
        try harness.ask("think a lot")
        try harness.tmux.waitFor("the budget message") {
            $0.contains("used its whole output budget while still thinking") && $0.contains("no answer came")
                && $0.contains("Ctrl-G continues ·")
        }
        #expect(try harness.waitForRequest(1)["max_tokens"]?.intValue == 5)
        // A larger budget, then continue: the answer comes.
        try harness.tmux.sendKeys("M-l")
        try harness.tmux.waitFor(text: "Tokens: 10")
        try harness.tmux.sendKeys("BSpace", "BSpace")
        try harness.tmux.sendLiteral("4096")
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor(text: "· max 4,096")
        try harness.tmux.sendKeys("C-g")
        try harness.tmux.waitFor("the continued answer") {
            $0.contains("You said: “think a lot”") && $0.contains("│ done")
                && !$0.contains("no answer came")
        }
        #expect(try harness.waitForRequest(2)["max_tokens"]?.intValue == 4096)
        try harness.tmux.quitPonder()
    }

    @Test func thePickerShowsAProviderThatIsDownWhileTheScreenStaysResponsive() throws {
        // A port that accepts connections but never answers, and one where nothing listens.
        let silent = try SilentListener()
        let closedPort = try SilentListener.unusedPort()
        let harness = try Harness(
            extraConfig: """

                [providers.silent]
                kind = "openai"
                base_url = "http://127.0.0.1:\(silent.port)/v1"
                model = "silent-model"

                [providers.down]
                kind = "ollama"
                base_url = "http://127.0.0.1:\(closedPort)"
                model = "down-model"
                """)
        try harness.tmux.startPonder(harness.ponder)
        let opened = Date()
        try harness.tmux.sendKeys("M-m")
        try harness.tmux.waitFor(text: "Model for this conversation · listing…")
        // Typing filters while the servers are still being asked.
        try harness.tmux.sendLiteral("model")
        try harness.tmux.waitFor("the filter echoed while listing") {
            $0.contains("Filter: model") && $0.contains("listing…")
        }
        let listed = try harness.tmux.waitFor("every provider's line", timeout: 15) {
            $0.contains("silent — ⚠") && $0.contains("down — ⚠") && !$0.contains("listing…")
        }
        #expect(Date().timeIntervalSince(opened) < 10)
        #expect(listed.contains("silent-model") && listed.contains("down-model"))
        try harness.tmux.sendKeys("Escape")
        try harness.tmux.waitFor("the picker closed") { !$0.contains("Model for this conversation") }
        try harness.tmux.quitPonder()
    }
}

/// A TCP socket on 127.0.0.1 that listens but never accepts: connections complete and then hear nothing.
final class SilentListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw TmuxError(message: "cannot listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// A port nothing listens on (one that was just free).
    static func unusedPort() throws -> Int {
        let listener = try SilentListener()
        return listener.port
    }

    deinit { close(descriptor) }
}
