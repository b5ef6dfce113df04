import Foundation
import PonderCore
import TestSupport
import Testing

/// Helpers for driving the real `ChatClient` against the fake server.
enum ClientHarness {
    /// What one stream delivered.
    struct Outcome {
        var events: [ChatStreamEvent] = []
        var reasoning: String { events.map { if case .reasoning(let text) = $0 { text } else { "" } }.joined() }
        var answer: String { events.map { if case .answer(let text) = $0 { text } else { "" } }.joined() }
        var phases: [RequestPhase] { events.compactMap { if case .phase(let phase) = $0 { phase } else { nil } } }
        var terminal: RequestPhase? { phases.last }
        var usage: TokenUsage? { events.compactMap { if case .usage(let usage) = $0 { usage } else { nil } }.last }
        var timings: ResponseTimings? {
            events.compactMap { if case .timings(let timings) = $0 { timings } else { nil } }.last
        }
        var error: ChatError? {
            if case .failed(let error) = terminal { return error }
            return nil
        }
    }

    static let key = APIKey(value: "sk-test-0123456789abcdef", source: "the PONDER_TEST_KEY environment variable")

    static func settings(_ server: FakeServer, kind: ProviderKind = .deepseek, model: String = "deepseek-reasoner")
        -> ProviderSettings
    {
        ProviderSettings(name: "fake", kind: kind, baseURL: server.baseURL, model: model, apiKey: key)
    }

    static func request(_ settings: ProviderSettings, prompt: String = "hello there") -> ChatRequest {
        ChatRequest(
            settings: settings, history: [Message(conversationID: ConversationID("c"), role: .user, answer: prompt)])
    }

    static func client(
        connectTimeout: Double = 10, idleTimeout: Double = 20, maxRetries: Int = 2, maximumLineLength: Int = 16 << 20
    ) -> ChatClient {
        ChatClient(
            configuration: .init(
                connectTimeout: connectTimeout, idleTimeout: idleTimeout,
                retryPolicy: .init(maxRetries: maxRetries, initialBackoff: 0.05, maxBackoff: 0.2),
                proxy: ProxySettings(), maximumLineLength: maximumLineLength))
    }

    static func run(_ client: ChatClient, _ request: ChatRequest) async -> Outcome {
        var outcome = Outcome()
        for await event in client.stream(request) { outcome.events.append(event) }
        return outcome
    }

    /// Starts a server and a client, runs `body`, and always cleans both up.
    static func withServer(
        _ scenario: FakeScenario = .standard,
        client: ChatClient = ClientHarness.client(),
        _ body: (FakeServer, ChatClient) async throws -> Void
    ) async throws {
        let server = try await FakeServer.start(defaultScenario: scenario)
        do {
            try await body(server, client)
        } catch {
            await client.shutdown()
            await server.stop()
            throw error
        }
        await client.shutdown()
        await server.stop()
    }
}
