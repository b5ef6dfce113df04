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

    @Test func aTurnsKeyCommandHoldsOnlyItsStandardStreams() async throws {
        // A pipe of another thread's, open at that moment: a command holding its write end would keep
        // that thread's reader waiting for its end of file.
        var other: [Int32] = [-1, -1]
        try #require(pipe(&other) == 0)
        defer { other.forEach { close($0) } }
        let provider = ProviderConfig(
            name: "listing-key", kind: .openai, baseURL: "http://127.0.0.1:9/v1", model: "m",
            keySource: .command("ls /proc/self/fd | tr '\\n' ,"), keyCommandTimeout: 20)
        let turn = TurnProvider.configured(provider, keys: KeyResolver(environment: [:]), engine: nil)
        let listed = try await turn.settings(report: { _ in }).apiKey?.value ?? ""
        let held = Set(listed.split(separator: ",").map(String.init))
        // `ls` holds its three streams and the folder it lists.
        #expect(held.count == 4 && held.isSuperset(of: ["0", "1", "2"]), "\(listed)")
        #expect(held.isDisjoint(with: other.map(String.init)), "\(listed)")
    }
}
