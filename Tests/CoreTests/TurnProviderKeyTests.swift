import Foundation
import PonderCore
import Testing

/// A turn's key command, in the full-screen app, gets the time the provider's `api_key_cmd_timeout`
/// gives it, as `ponder ask` does, not the default minute.
@Suite struct TurnProviderKeyTests {
    @Test func aTurnsKeyCommandStopsAtTheProvidersTimeout() async throws {
        let provider = ProviderConfig(
            name: "slow-key", kind: .openai, baseURL: "http://127.0.0.1:9/v1", model: "m",
            keySource: .command("sleep 30; echo key"), keyCommandTimeout: 1)
        let turn = TurnProvider.configured(provider, keys: KeyResolver(environment: [:]), engine: nil)
        let started = ContinuousClock.now
        let error = await #expect(throws: ChatError.self) { try await turn.settings(report: { _ in }) }
        #expect(ContinuousClock.now - started < .seconds(20), "stopped at the provider's timeout, not at the end")
        #expect(error?.message.contains("api_key_cmd_timeout") == true, "\(String(describing: error))")
    }

    @Test func aTurnsKeyCommandThatPrintsAKeyGivesIt() async throws {
        let provider = ProviderConfig(
            name: "quick-key", kind: .openai, baseURL: "http://127.0.0.1:9/v1", model: "m",
            keySource: .command("echo sk-from-command"), keyCommandTimeout: 5)
        let turn = TurnProvider.configured(provider, keys: KeyResolver(environment: [:]), engine: nil)
        let settings = try await turn.settings(report: { _ in })
        #expect(settings.apiKey?.value == "sk-from-command")
    }
}
