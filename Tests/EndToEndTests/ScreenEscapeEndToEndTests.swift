import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The escape corpus on the bytes ncurses writes for the full-screen app: `ponder` runs in tmux,
/// which copies every byte it writes to a file (`pipe-pane -O`), while the payloads reach the screen
/// through the answer and the reasoning (streamed by the fake server), a conversation title (in the
/// store beforehand, shown in the sidebar and the browser), a server error message and the model
/// name (from the config). The same steps with plain text first give the sequences ncurses itself
/// writes for xterm-256color; the hostile run may write no other, and nothing of the corpus.
@Suite(.serialized, .ownThreads) struct ScreenEscapeEndToEndTests {
    /// What one run puts on the screen.
    struct Texts {
        var scenario: FakeScenario
        /// The model, in the config and in the stored conversation.
        var model: String
        var title: String
        var errorMessage: String
    }

    static let everything = EscapeCorpus.payloads.map(EscapeCorpus.wrapped).joined(separator: " ")
    static let plainEverything = EscapeCorpus.payloads.map { "<\($0.name)>plain</>" }.joined(separator: " ")

    static let hostile = Texts(
        scenario: FakeScenario(
            name: "screen-escapes", reasoningTokens: EscapeCorpus.payloads.count,
            answerTokens: EscapeCorpus.payloads.count, tokensPerSecond: 50, style: .escapes),
        model: "model-owned\u{1B}]0;owned\u{07}-\u{9B}31m-\u{202E}ledom",
        title: "title-needle " + EscapeCorpus.payloads.prefix(40).map(EscapeCorpus.wrapped).joined(),
        errorMessage: "server-error " + everything)

    static let plain = Texts(
        scenario: FakeScenario(
            name: "screen-plain", reasoningTokens: EscapeCorpus.payloads.count,
            answerTokens: EscapeCorpus.payloads.count, tokensPerSecond: 50),
        model: "model-owned-plain", title: "title-needle plain title",
        errorMessage: "server-error " + plainEverything)

    @Test func noPayloadGetsThroughNcurses() async throws {
        let plain = try await ScreenRecording.record(Self.plain)
        let written = Set(TerminalSequenceScan(plain.bytes).shapes.keys)
        let allowed = written.union(try TerminalSequenceScan.terminfoShapes(term: "xterm-256color"))
        #expect(EscapeCorpus.screenProblems(in: plain.bytes, allowedShapes: allowed).isEmpty)
        // What ncurses writes for the terminal: positioning, SGR, erasing, the alternate screen.
        #expect(written.contains("CSI #;#H"), "\(written.sorted())")
        #expect(written.contains("CSI SGR") && written.contains("CSI ?1049h") && written.contains("CSI ?1049l"))
        #expect(!allowed.contains { $0.hasPrefix("string") || $0.hasPrefix("ESC ]") }, "\(allowed.sorted())")

        let hostile = try await ScreenRecording.record(Self.hostile)
        let problems = EscapeCorpus.screenProblems(in: hostile.bytes, allowedShapes: allowed)
        #expect(problems.isEmpty, "\(problems.prefix(20)); allowed: \(allowed.sorted())")
        let missing = EscapeCorpus.payloads.map(\.name).filter { !hostile.markers.contains($0) }
        #expect(missing.isEmpty, "payloads never on the screen: \(missing)")
        #expect(plain.sawModel && hostile.sawModel, "the model name was shown")
    }
}
