import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder ask` with the per-conversation controls: what reaches the provider, what is saved with the
/// conversation, and a budget used up while thinking.
@Suite(.serialized, .ownThreads) struct AskControlsTests {
    static func start() async throws -> (FakeServer, CLIHarness) {
        let server = try await FakeServer.start()
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)
        return (server, cli)
    }

    /// The config of `CLIHarness.writeConfig(baseURL:)` followed by `more`.
    static func config(_ server: FakeServer, then more: String) -> String {
        """
        default_provider = "fake"
        [providers.fake]
        kind = "deepseek"
        base_url = "\(server.baseURL)"
        model = "fake-reasoner"
        api_key_env = "FAKE_KEY"

        \(more)
        """
    }

    static func conversation(_ cli: CLIHarness) throws -> Conversation {
        let store = try ConversationStore.open(at: cli.databaseURL)
        return try #require(try store.listConversations().first?.conversation)
    }

    @Test func effortBudgetAndSystemPromptReachTheRequestAndStay() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }

        let first = try cli.run(["ask", "--effort", "max", "--max-tokens", "3000", "--system", "Be brief.", "q1"])
        #expect(first.status == 0, "\(first.stderr)")
        let body = try #require(server.receivedRequests.last?.json)
        #expect(body["thinking"] == ["type": "enabled"])
        #expect(body["reasoning_effort"] == "max")
        #expect(body["max_tokens"] == 3000)
        #expect(body["messages"]?[0] == ["role": "system", "content": "Be brief."])

        // Saved with the conversation: the next question goes out the same way without options.
        let second = try cli.run(["ask", "--continue", "q2"])
        #expect(second.status == 0, "\(second.stderr)")
        let next = try #require(server.receivedRequests.last?.json)
        #expect(next["reasoning_effort"] == "max")
        #expect(next["max_tokens"] == 3000)
        #expect(next["messages"]?[0] == ["role": "system", "content": "Be brief."])
        let shown = try cli.run(["show", try Self.conversation(cli).id.rawValue])
        #expect(shown.stdout.contains("## System prompt\nBe brief.\n"))
        let saved = try Self.conversation(cli)
        #expect(
            saved.controls
                == ConversationControls(
                    provider: "fake", model: "fake-reasoner", effort: .max, maxOutputTokens: 3000,
                    systemPrompt: "Be brief."))

        // Options given with --continue change the conversation from then on; "" removes the prompt.
        let third = try cli.run(["ask", "--continue", "--effort", "off", "--system", "", "q3"])
        #expect(third.status == 0, "\(third.stderr)")
        let changed = try #require(server.receivedRequests.last?.json)
        #expect(changed["thinking"] == ["type": "disabled"])
        #expect(changed["reasoning_effort"] == nil)
        #expect(changed["messages"]?[0]?["role"] == "user")
        #expect(try Self.conversation(cli).systemPrompt == nil)
        #expect(try Self.conversation(cli).effort == .off)

        // Exported and imported with the conversation.
        let id = try Self.conversation(cli).id.rawValue
        let exported = try cli.run(["export", id, "--format", "json"])
        let json = try JSONValue.parse(exported.stdout)
        #expect(json["conversation"]?["thinking_effort"] == "off")
        #expect(json["conversation"]?["max_output_tokens"] == 3000)
    }

    @Test func aPresetFromTheConfigIsTheSystemPrompt() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        try cli.writeConfig(
            text: Self.config(
                server,
                then: """
                    [presets]
                    reviewer = \"\"\"
                    You review code.
                    Bugs first.\"\"\"
                    """))
        let result = try cli.run(["ask", "--preset", "reviewer", "look"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.receivedRequests.last?.sentMessages.first?.content == "You review code.\nBugs first.")
        #expect(try Self.conversation(cli).systemPrompt == "You review code.\nBugs first.")

        let unknown = try cli.run(["ask", "--preset", "poet", "look"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "ponder: no preset named \"poet\"; the presets are reviewer\n")
        let both = try cli.run(["ask", "--preset", "reviewer", "--system", "x", "look"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--system and --preset cannot be used together"))
        let check = try cli.run(["config", "check"])
        #expect(check.stdout.contains("presets: reviewer"))
    }

    @Test func aLevelTheProviderLacksIsRefusedBeforeAnythingIsSent() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        let result = try cli.run(["ask", "--effort", "medium", "q"])
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "ponder: fake with model fake-reasoner has no thinking level \"medium\"; it has off, low, high, max\n"
        )
        #expect(server.receivedRequests.isEmpty)
        let bad = try cli.run(["ask", "--effort", "hard", "q"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--effort must be one of off, on, low, medium, high, max"))
        let zero = try cli.run(["ask", "--max-tokens", "0", "q"])
        #expect(zero.status == 64)
    }

    @Test func aBudgetUsedUpWhileThinkingIsNamedAndExitsThree() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        let result = try cli.run(["ask", "--max-tokens", "5", "what is 6 × 7?"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("step 5"))
        #expect(
            result.stderr.contains(
                "ponder: The model used its whole budget of 5 output tokens while still thinking, so no answer came."))
        #expect(result.stderr.contains("ponder ask --continue --max-tokens N"))
        let store = try ConversationStore.open(at: cli.databaseURL)
        let answer = try #require(try store.messages(in: try Self.conversation(cli).id).last)
        #expect(answer.status == .complete)
        #expect(answer.finishReason == .length)
        #expect(ResponseEnding(answer) == .budgetUsedWhileThinking)
        let shown = try cli.run(["show", try Self.conversation(cli).id.rawValue])
        #expect(shown.stdout.contains("## fake-reasoner [budget used while thinking]"))

        let json = try cli.run(["ask", "--json", "--continue", "again"])
        #expect(json.status == 3)
        let done = try #require(json.stdout.split(separator: "\n").last.map { try JSONValue.parse(String($0)) })
        #expect(done["type"] == "done")
        #expect(done["finish_reason"] == "length")
        #expect(done["ending"] == "budget_used_while_thinking")

        // A larger budget, and the answer comes.
        let larger = try cli.run(["ask", "--continue", "--max-tokens", "100", "and now?"])
        #expect(larger.status == 0, "\(larger.stderr)")
        #expect(larger.stdout.contains("Point 1."))
    }

    @Test func continuingKeepsTheConversationsProviderAndModel() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        try cli.writeConfig(
            text: Self.config(
                server,
                then: """
                    [providers.other]
                    kind = "ollama"
                    base_url = "\(server.baseURL)"
                    model = "fake-chinese"
                    """))
        #expect(try cli.run(["ask", "-p", "other", "q1"]).status == 0)
        #expect(server.receivedRequests.last?.path == "/api/chat")
        // The default provider is fake, but this conversation is on other.
        #expect(try cli.run(["ask", "--continue", "q2"]).status == 0)
        #expect(server.receivedRequests.last?.path == "/api/chat")
        #expect(server.receivedRequests.last?.json?["model"] == "fake-chinese")
        // A new model for this conversation, kept for the next question.
        #expect(try cli.run(["ask", "--continue", "-m", "fake-no-reasoning", "q3"]).status == 0)
        #expect(try cli.run(["ask", "--continue", "q4"]).status == 0)
        #expect(server.receivedRequests.last?.json?["model"] == "fake-no-reasoning")
        let store = try ConversationStore.open(at: cli.databaseURL)
        let answers = try store.messages(in: try Self.conversation(cli).id).filter { $0.role == .assistant }
        #expect(answers.map(\.model) == ["fake-chinese", "fake-chinese", "fake-no-reasoning", "fake-no-reasoning"])

        // Moving to another provider starts from that provider's model.
        #expect(try cli.run(["ask", "--continue", "-p", "fake", "q5"]).status == 0)
        #expect(server.receivedRequests.last?.path == "/chat/completions")
        #expect(server.receivedRequests.last?.json?["model"] == "fake-reasoner")
        #expect(try Self.conversation(cli).provider == "fake")
    }

    @Test func aRemovedProviderFallsBackToTheDefaultAndSaysSo() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        try cli.writeConfig(
            text: Self.config(
                server,
                then: """
                    [providers.gone]
                    kind = "deepseek"
                    base_url = "\(server.baseURL)"
                    model = "fake-chinese"
                    api_key_env = "FAKE_KEY"
                    """))
        #expect(try cli.run(["ask", "-p", "gone", "q1"]).status == 0)
        try cli.writeConfig(baseURL: server.baseURL)
        let next = try cli.run(["ask", "--continue", "q2"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(
            next.stderr.contains("ponder: this conversation's provider \"gone\" is no longer configured; using fake"))
        #expect(server.receivedRequests.last?.json?["model"] == "fake-reasoner")
    }

    @Test func anthropicThinkingBlocksGoBackWithTheirSignature() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        try cli.writeConfig(
            text: """
                default_provider = "claude"
                [providers.claude]
                kind = "anthropic"
                base_url = "\(server.baseURL)"
                model = "claude-sonnet-4-5"
                api_key_env = "FAKE_KEY"
                thinking = "low"
                """)
        let first = try cli.run(["ask", "q1"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try cli.run(["ask", "--continue", "q2"]).status == 0)
        let body = try #require(server.receivedRequests.last?.json)
        let content = try #require(body["messages"]?[1]?["content"]?.arrayValue)
        #expect(content.count == 2)
        #expect(content[0]["type"] == "thinking")
        #expect(content[0]["signature"] == "ZmFrZS1zaWduYXR1cmU=")
        #expect(content[0]["thinking"]?.stringValue == first.stderr.trimmingCharacters(in: .newlines))
        #expect(content[1] == ["type": "text", "text": .string(first.stdout.trimmingCharacters(in: .newlines))])
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 2048])
    }

    @Test func modelsEndsWithinTheTimeoutWhateverTheProvidersDo() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        let silent = try SilentServer()
        let refused = try #require(FreePort.find())
        try cli.writeConfig(
            text: Self.config(
                server,
                then: """
                    [providers.hangs]
                    kind = "openai"
                    base_url = "\(silent.baseURL)/v1"
                    model = "m"

                    [providers.down]
                    kind = "ollama"
                    base_url = "http://127.0.0.1:\(refused)"
                    model = "qwen3"
                    """))
        let started = Date()
        let result = try cli.run(["models", "--timeout", "1.5"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.stderr)")
        // The timeout, plus starting the process and reading the config on a busy machine.
        #expect(elapsed < 1.5 + 3, "took \(elapsed) s")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains("hangs (openai): did not answer within 1.5 s at \(silent.baseURL)/v1; configured models:"))
        #expect(lines.contains { $0.hasPrefix("down (ollama): cannot be reached at http://127.0.0.1:\(refused)") })
        #expect(lines.contains("fake (deepseek)"))
    }

    @Test func modelsListsEveryProvider() async throws {
        let (server, cli) = try await Self.start()
        defer { Task { await server.stop() } }
        let result = try cli.run(["models", "--timeout", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let fake = try #require(lines.firstIndex(of: "fake (deepseek)"))
        #expect(lines[fake + 1] == "  fake-reasoner *")
        #expect(lines.contains("  fake-slow"))
        #expect(lines.contains("deepseek (deepseek): no API key (set DEEPSEEK_API_KEY); configured models:"))
        #expect(lines.contains("  deepseek-reasoner *"))
        #expect(lines.contains { $0.hasPrefix("local (local): the local engine is not installed") })
        #expect(lines.contains { $0.hasPrefix("anthropic (anthropic): no API key (set ANTHROPIC_API_KEY)") })
        let json = try JSONValue.parse(try cli.run(["models", "--json", "--timeout", "3"]).stdout)
        let entries = json.arrayValue ?? []
        #expect(
            entries.map { $0["provider"]?.stringValue ?? "" }
                == entries.map { $0["provider"]?.stringValue ?? "" }.sorted())
        let entry = try #require(entries.first { $0["provider"] == "fake" })
        #expect(entry["source"] == "server" && entry["problem"] == .null && entry["current"] == "fake-reasoner")
        #expect(entries.first { $0["provider"] == "openrouter" }?["problem"] == "no API key (set OPENROUTER_API_KEY)")
    }
}
