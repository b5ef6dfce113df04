import Foundation
import PonderCore
import Testing

/// The real llama.cpp engine accepts the request body of every thinking level Ponder sends it (the
/// template switch, `reasoning_effort: "none"`, `thinking_budget_tokens`) and honours the answer budget.
@Suite(.serialized) struct EngineControlsTests {
    let installation = LocalEngineInstallation.default()

    @Test func everyThinkingLevelAndTheBudgetAreAccepted() async throws {
        try #require(installation.isInstalled, "run `make engine` first")
        let engine = LocalEngine(installation: installation, settings: LocalEngineTests.smallSettings)
        let base = try await engine.start()
        let client = ChatClient(configuration: .init(connectTimeout: 10, idleTimeout: 120, proxy: ProxySettings()))
        let question = [Message(conversationID: ConversationID("c"), role: .user, answer: "Name a colour.")]
        var modes: [ThinkingMode] = [.auto]
        modes += ProviderCapabilities.of(kind: .local, model: "local", baseURL: base).efforts.map(ThinkingMode.level)
        #expect(modes.count == 6)
        for mode in modes {
            let settings = ProviderSettings(
                name: "local", kind: .local, baseURL: base, model: "local", thinking: mode, maxTokens: 6,
                temperature: 0)
            var terminal: RequestPhase?
            var answer = ""
            for await event in client.stream(ChatRequest(settings: settings, history: question)) {
                if case .phase(let phase) = event, phase.isTerminal { terminal = phase }
                if case .answer(let text) = event { answer += text }
            }
            // Six tokens are not enough for SmolLM2's answer: the budget ends it with `length`.
            #expect(terminal == .finished(.length), "\(mode): \(String(describing: terminal))")
            #expect(!answer.isEmpty, "\(mode)")
        }
        await client.shutdown()
        await engine.stop()
    }
}
