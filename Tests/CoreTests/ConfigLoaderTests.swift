import Foundation
import PonderCore
import Testing

@Suite struct ConfigLoaderTests {
    @Test func defaultFileParsesToBuiltIns() throws {
        let config = try ConfigLoader.parse(DefaultConfigFile.text, file: "config.toml")
        #expect(config.providers["deepseek"]?.model == "deepseek-reasoner")
        #expect(config.providers["deepseek"]?.keySource == .environment("DEEPSEEK_API_KEY"))
        #expect(config.ui == UISettings())
        #expect(config.warnings.isEmpty)
    }

    @Test func providersUISettingsAndKeysAreRead() throws {
        let text = """
            default_provider = "vllm"

            [providers.vllm]
            kind = "openai"
            base_url = "http://127.0.0.1:8000/v1/"
            model = "r1-distill"
            api_key_cmd = "pass show vllm"
            thinking = "high"
            headers = { "X-Team" = "core" }

            [providers.vllm.prices]
            input = 1
            output = 4.5

            [ui]
            thinking_panel_side = "left"
            thinking_panel_ratio = 0.3
            fold_reasoning = false

            [keys]
            toggle-thinking-panel = "ctrl-t"
            """
        let config = try ConfigLoader.parse(text, file: "c.toml")
        let vllm = try #require(config.providers["vllm"])
        #expect(config.defaultProvider == "vllm")
        #expect(vllm.kind == .openai)
        #expect(vllm.baseURL == "http://127.0.0.1:8000/v1")
        #expect(vllm.keySource == .command("pass show vllm"))
        #expect(vllm.thinking == .level(.high))
        #expect(vllm.headers == ["X-Team": "core"])
        #expect(vllm.prices == TokenPrices(input: 1, output: 4.5))
        #expect(config.ui.thinkingPanelSide == .left)
        #expect(config.ui.thinkingPanelRatio == 0.3)
        #expect(config.ui.foldReasoningByDefault == false)
        #expect(config.keys == ["toggle-thinking-panel": "ctrl-t"])
    }

    @Test func syntaxErrorNamesTheLine() {
        let text = "[ui]\ntheme = \"dark\"\nsidebar = = true\n"
        #expect {
            _ = try ConfigLoader.parse(text, file: "/x/config.toml")
        } throws: { error in
            let problems = (error as? ConfigError)?.problems ?? []
            return problems.count == 1 && problems[0].line == 3 && problems[0].file == "/x/config.toml"
        }
    }

    @Test func everySemanticProblemIsReportedWithItsLine() {
        let text = """
            default_provider = "nowhere"

            [providers.x]
            kind = "openia"
            model = "m"

            [ui]
            them = "dark"
            thinking_panel_ratio = 3
            """
        do {
            _ = try ConfigLoader.parse(text, file: "c.toml")
            Issue.record("expected an error")
        } catch {
            let byLine = Dictionary(grouping: error.problems, by: { $0.line ?? 0 })
            #expect(byLine[4]?.first?.message.contains("unknown provider kind \"openia\"") == true)
            #expect(byLine[8]?.first?.fix == "did you mean theme?")
            #expect(byLine[9]?.first?.message.contains("from 0.2 to 0.8") == true)
            #expect(byLine[1]?.first?.message.contains("\"nowhere\" is not a known provider") == true)
        }
    }

    @Test func literalKeyInReadableFileWarns() throws {
        let text = "[providers.deepseek]\napi_key = \"sk-secret\"\n"
        let open = try ConfigLoader.parse(text, file: "c.toml", fileMode: 0o644)
        #expect(open.warnings.count == 1)
        #expect(open.warnings.first?.line == 2)
        #expect(open.warnings.first?.description.contains("sk-secret") == false)
        let closed = try ConfigLoader.parse(text, file: "c.toml", fileMode: 0o600)
        #expect(closed.warnings.isEmpty)
    }

    @Test func missingFileGivesBuiltIns() throws {
        let config = try ConfigLoader.load(
            from: URL(fileURLWithPath: "/nonexistent/ponder/config.toml"), environment: ["OLLAMA_HOST": "gpu:1234"])
        #expect(config.providers["ollama"]?.baseURL == "http://gpu:1234")
        #expect(config.providers.keys.sorted() == ["anthropic", "deepseek", "local", "ollama", "openai", "openrouter"])
    }

    @Test func providerChoiceFollowsTheDocumentedOrder() {
        let config = PonderConfig(providers: BuiltInProviders.all(environment: [:]))
        let withKey = ["DEEPSEEK_API_KEY": "k"]
        func name(_ choice: ProviderChoice) -> String? {
            if case .provider(let p) = choice { return p.name }
            return nil
        }
        #expect(
            name(.resolve(flag: "ollama", config: config, environment: withKey, localEngineInstalled: true)) == "ollama"
        )
        #expect(
            name(.resolve(flag: nil, config: config, environment: withKey, localEngineInstalled: true)) == "deepseek")
        #expect(name(.resolve(flag: nil, config: config, environment: [:], localEngineInstalled: true)) == "local")
        #expect(
            ProviderChoice.resolve(flag: nil, config: config, environment: [:], localEngineInstalled: false)
                == .firstRun)
        if case .unknown(let name, _) = ProviderChoice.resolve(
            flag: "nope", config: config, environment: [:], localEngineInstalled: true)
        {
            #expect(name == "nope")
        } else {
            Issue.record("expected unknown")
        }
    }

    @Test func keyResolverExplainsMissingKeysAndRunsCommandsOnce() throws {
        let resolver = KeyResolver(environment: [:])
        #expect(throws: ChatError.self) { try resolver.resolve(.environment("DEEPSEEK_API_KEY"), provider: "deepseek") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let counter = directory.appendingPathComponent("count").path
        let keyFile = directory.appendingPathComponent("key")
        try "sk-from-cmd\nsecond line\n".write(to: keyFile, atomically: true, encoding: .utf8)
        let command = "echo run >> \(counter); cat \(keyFile.path)"
        let first = try resolver.resolve(.command(command), provider: "p")
        let second = try resolver.resolve(.command(command), provider: "p")
        #expect(first?.value == "sk-from-cmd")
        #expect(second?.value == "sk-from-cmd")
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == "run\n")
        #expect(first?.description.contains("sk-from-cmd") == false)
        #expect(throws: ChatError.self) { try resolver.resolve(.command("exit 3"), provider: "p") }
    }
}
