import Foundation
import PonderCore
import Testing

/// The two timeouts a provider can set: `idle_timeout` (seconds without a byte from the server) and
/// `api_key_cmd_timeout` (how long its key command may run).
@Suite struct ConfigTimeoutTests {
    @Test func timeoutsAreReadPerProvider() throws {
        let text = """
            [providers.slow]
            kind = "openai"
            base_url = "http://127.0.0.1:8000/v1"
            model = "r1"
            idle_timeout = 900
            api_key_cmd = "pass show slow"
            api_key_cmd_timeout = 5.5
            """
        let config = try ConfigLoader.parse(text, file: "c.toml")
        let slow = try #require(config.providers["slow"])
        #expect(slow.idleTimeout == 900)
        #expect(slow.keyCommandTimeout == 5.5)
        #expect(slow.settings(apiKey: nil).idleTimeout == 900)
        let deepseek = try #require(config.providers["deepseek"])
        #expect(deepseek.idleTimeout == nil)
        #expect(deepseek.keyCommandTimeout == ProviderConfig.defaultKeyCommandTimeout)
    }

    @Test func timeoutsOutOfRangeAreErrorsWithTheirLine() {
        let text = """
            [providers.deepseek]
            idle_timeout = 0
            api_key_cmd_timeout = "soon"
            """
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        do {
            _ = try ConfigLoader.parse(text, file: "c.toml")
        } catch {
            #expect(error.problems.map(\.line) == [2, 3])
            #expect(error.problems[0].message == "idle_timeout must be a number from 1 to 86400")
            #expect(error.problems[1].message == "api_key_cmd_timeout must be a number from 1 to 3600")
        }
    }
}
