import PonderCore
import PonderTUI
import Testing

/// A paste from a terminal that does not bracket it: its keys arrive in a burst, line breaks as CR.
@Suite struct UnbracketedPasteTests {
    /// About 500 KB of numbered lines, ending with a line of its own.
    static let largeText: String =
        (1...9_200).map { "line \($0): the quick brown fox jumps over the lazy dog" }
        .joined(separator: "\n") + "\nlast line"

    static func units(_ text: String) -> [InputUnit] {
        text.unicodeScalars.map { .scalar($0 == "\n" ? "\r" : $0) }
    }

    @Test(.timeLimit(.minutes(1))) func largeBurstWithLineBreaksIsInsertedWholeAndNothingIsSent() {
        #expect(Self.largeText.utf8.count > 450_000)
        var state = AppState(size: Size(width: 80, height: 24))
        var decoder = InputDecoder()
        var effects: [Effect] = []
        for event in decoder.feed(Self.units(Self.largeText)) + decoder.flush() {
            effects += Reducer.reduce(&state, .input(event, at: 0))
        }
        #expect(effects.isEmpty)
        #expect(state.editor.text == Self.largeText)
    }

    @Test func burstIsOneEventEvenWhenSplitAcrossReads() {
        var decoder = InputDecoder()
        let first = decoder.feed(Self.units("one\ntw"))
        let second = decoder.feed(Self.units("o\n"))
        #expect(first.isEmpty && second.isEmpty)
        #expect(decoder.pendingTimeout != nil)
        #expect(decoder.flush() == [.paste("one\ntwo\n")])
    }

    @Test func crLfInABurstIsOneLineBreak() {
        var decoder = InputDecoder()
        _ = decoder.feed("a\r\nb\r\n".unicodeScalars.map { .scalar($0) })
        #expect(decoder.flush() == [.paste("a\nb\n")])
    }

    @Test func typedEnterAloneStillSends() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Self.units("h")) == [.key(.character("h"))])
        #expect(decoder.feed(Self.units("\n")) == [.key(KeyPress(.enter))])
    }

    @Test func escapeEndsABurstAndIsDecodedAfterIt() {
        var decoder = InputDecoder()
        let events = decoder.feed(Self.units("a\nb\u{1B}[A"))
        #expect(events == [.paste("a\nb"), .key(KeyPress(.up))])
    }
}
