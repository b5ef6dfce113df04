import PonderTUI
import Testing

@Suite struct InputDecoderTests {
    static func units(_ text: String) -> [InputUnit] { text.unicodeScalars.map { .scalar($0) } }

    static func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        return decoder.feed(units(text)) + decoder.flush()
    }

    static func keys(_ text: String) -> [InputEvent] {
        text.map { .key(.character($0)) }
    }

    @Test func printableTextBecomesOneEventPerGrapheme() {
        #expect(Self.decode("a中é") == Self.keys("a中é"))
        #expect(Self.decode("e\u{301}") == [.key(.character("e\u{301}"))])
    }

    @Test func emojiZWJSequenceIsOneKeyEvenWhenSplitAcrossReads() {
        var decoder = InputDecoder()
        let first = decoder.feed(Self.units("x👨\u{200D}"))
        #expect(first == [.key(.character("x"))])
        #expect(decoder.pendingTimeout != nil)
        let second = decoder.feed(Self.units("👩\u{200D}👧"))
        #expect(second == [.key(.character("👨‍👩‍👧"))])
        #expect(decoder.pendingTimeout == nil)
    }

    @Test func flagPairIsOneKeyWhenSplit() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Self.units("🇨")).isEmpty)
        #expect(decoder.feed(Self.units("🇳")) == [.key(.character("🇨🇳"))])
    }

    @Test func controlCharactersAreCtrlCombos() {
        #expect(
            Self.decode("\u{1}\u{11}\u{17}\r\n\t\u{7F}") == [
                .key(.ctrl("a")), .key(.ctrl("q")), .key(.ctrl("w")), .key(KeyPress(.enter)), .key(.ctrl("j")),
                .key(KeyPress(.tab)), .key(KeyPress(.backspace)),
            ])
    }

    @Test func escapePrefixIsAlt() {
        #expect(
            Self.decode("\u{1B}x\u{1B}\r\u{1B}\u{7F}") == [
                .key(.character("x", .alt)), .key(.alt(.enter)), .key(.alt(.backspace)),
            ])
    }

    @Test func loneEscapeWaitsForFlush() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Self.units("\u{1B}")).isEmpty)
        #expect(decoder.pendingTimeout == 0.025)
        #expect(decoder.flush() == [.key(KeyPress(.escape))])
        #expect(decoder.pendingTimeout == nil)
    }

    @Test func cursorAndEditingKeys() {
        #expect(
            Self.decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}[H\u{1B}[F\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z") == [
                .key(KeyPress(.up)), .key(KeyPress(.down)), .key(KeyPress(.right)), .key(KeyPress(.left)),
                .key(KeyPress(.home)), .key(KeyPress(.end)), .key(KeyPress(.pageUp)), .key(KeyPress(.pageDown)),
                .key(KeyPress(.delete)), .key(KeyPress(.backTab)),
            ])
    }

    @Test func functionKeysInBothEncodings() {
        #expect(
            Self.decode("\u{1B}OP\u{1B}OS\u{1B}[15~\u{1B}[24~\u{1B}[1;2P") == [
                .key(KeyPress(.function(1))), .key(KeyPress(.function(4))), .key(KeyPress(.function(5))),
                .key(KeyPress(.function(12))), .key(KeyPress(.function(1), .shift)),
            ])
    }

    @Test func modifiedArrows() {
        #expect(
            Self.decode("\u{1B}[1;5C\u{1B}[1;3D\u{1B}[1;2A") == [
                .key(KeyPress(.right, .ctrl)), .key(KeyPress(.left, .alt)), .key(KeyPress(.up, .shift)),
            ])
    }

    @Test func bracketedPasteIsOneEventWithNewlinesNormalised() {
        let events = Self.decode("a\u{1B}[200~line 1\r\nline 2\r中文 😀\u{1B}[201~b")
        #expect(events == [.key(.character("a")), .paste("line 1\nline 2\n中文 😀"), .key(.character("b"))])
    }

    @Test func pasteSplitAcrossReadsAndMarkerLookalikes() {
        var decoder = InputDecoder()
        var events = decoder.feed(Self.units("\u{1B}[200~x\u{1B}[20"))
        #expect(events.isEmpty)
        #expect(decoder.pendingTimeout == 1.0)
        events += decoder.feed(Self.units("0~y\u{1B}[2"))
        events += decoder.feed(Self.units("01~"))
        #expect(events == [.paste("x\u{1B}[200~y")])
    }

    @Test func keypadEventsInsidePasteBecomeText() {
        var decoder = InputDecoder()
        let events = decoder.feed(
            Self.units("\u{1B}[200~a") + [.event(.key(KeyPress(.enter)))] + Self.units("b\u{1B}[201~"))
        #expect(events == [.paste("a\nb")])
    }

    @Test func sgrMouseReports() {
        #expect(
            Self.decode("\u{1B}[<0;10;5M\u{1B}[<0;10;5m\u{1B}[<64;3;4M\u{1B}[<65;3;4M\u{1B}[<35;1;1M") == [
                .mouse(MouseEvent(.press(button: 1), at: Point(x: 9, y: 4))),
                .mouse(MouseEvent(.release, at: Point(x: 9, y: 4))),
                .mouse(MouseEvent(.wheelUp, at: Point(x: 2, y: 3))),
                .mouse(MouseEvent(.wheelDown, at: Point(x: 2, y: 3))),
            ])
    }

    @Test func decodedEventsPassThroughAndTakeAPendingAlt() {
        var decoder = InputDecoder()
        let events = decoder.feed(
            Self.units("ab") + [.event(.resize)] + Self.units("\u{1B}") + [.event(.key(KeyPress(.left)))])
        #expect(events == [.key(.character("a")), .key(.character("b")), .resize, .key(KeyPress(.left, .alt))])
    }

    @Test func unknownSequencesAreDroppedNotTyped() {
        #expect(Self.decode("\u{1B}[99q\u{1B}[?1;2cz") == [.key(.character("z"))])
    }
}
