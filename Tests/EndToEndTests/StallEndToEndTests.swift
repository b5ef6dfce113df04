import Foundation
import TestSupport
import TestTraits
import Testing

/// A stream that stops sending: the status bar says how long nothing arrived instead of showing a
/// speed that no longer moves, and the idle timeout ends it with a message naming its setting.
@Suite(.serialized, .ownThreads) struct StallEndToEndTests {
    @Test func aStalledStreamShowsTheSilenceThenTheIdleTimeoutNamesItsSetting() throws {
        // Lines after the model go into the provider's table.
        let harness = try ChatEndToEndTests.Harness(
            model: "fault-stall-reasoning", width: 200, extraConfig: "idle_timeout = 15")
        try harness.startPonder()
        try harness.ask("are you there?")
        let silent = try harness.tmux.waitFor("the silence counted in the status bar", timeout: 30) { screen in
            guard let bar = screen.split(separator: "\n").last(where: { $0.contains("fake ·") }),
                let seconds = Self.silence(in: String(bar))
            else { return false }
            return seconds >= 3
        }
        let bar = try #require(silent.split(separator: "\n").last(where: { $0.contains("fake ·") }))
        #expect(!bar.contains("tok/s"), "no frozen speed while nothing arrives: \(bar)")
        #expect(silent.contains("step 5"), "the reasoning that arrived stays: \(silent)")
        let ended = try harness.tmux.waitFor("the idle timeout's message", timeout: 30) {
            $0.replacingOccurrences(of: "\n", with: " ").contains("idle_timeout in [providers.fake]")
        }
        #expect(ended.contains("15 s") || ended.contains("15s"), "the message gives the configured time: \(ended)")
        #expect(!ended.contains("no data for"), "the counter goes when the stream ends: \(ended)")
        try harness.quit()
    }

    /// The seconds in `no data for N s`, when the text holds it.
    static func silence(in text: String) -> Int? {
        guard let range = text.range(of: "no data for ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
