import Testing

@testable import PonderCore

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("中", 2), ("あ", 2), ("한", 2), ("Ａ", 2), ("😀", 2), ("é", 1),
        ("e\u{301}", 1), ("\u{301}", 0), ("👍🏽", 4), ("👨‍👩‍👧", 6), ("🇨🇳", 2), ("1️⃣", 1),
        ("❤️", 1), ("⚠️", 1), ("🏃‍♀️", 3), ("\u{200B}", 0), ("\u{7}", 0), ("\u{9F}", 0), ("·", 1),
        ("각", 2), ("\u{1100}\u{1161}", 2),
    ])
    func clusterWidth(text: String, width: Int) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(text.first!) == width)
    }

    @Test func stringWidthSumsClusters() {
        #expect(DisplayWidth.of("Hello") == 5)
        #expect(DisplayWidth.of("推理 model 🤔") == 4 + 1 + 5 + 1 + 2)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("Ｈｉ，世界") == 10)
    }

    /// Each kind of emoji cluster as the cells ncurses, glibc and tmux agree on (measured in tmux
    /// 3.3a with a cursor-position query): one spacing scalar with zero-width marks per piece.
    @Test func clustersAreDrawnAsPiecesEveryLayerAgreesOn() {
        func pieces(_ text: String) -> [DisplayWidth.Piece] { DisplayWidth.pieces(of: text.first!) }
        #expect(pieces("⚠️") == [.init("⚠", width: 1)])
        #expect(pieces("🇨🇳") == [.init("🇨", width: 1), .init("🇳", width: 1)])
        #expect(pieces("👍🏽") == [.init("👍", width: 2), .init("🏽", width: 2)])
        #expect(pieces("👨‍👩‍👧") == [.init("👨", width: 2), .init("👩", width: 2), .init("👧", width: 2)])
        #expect(pieces("1️⃣") == [.init("1\u{20E3}", width: 1)])
        #expect(pieces("中") == [.init("中", width: 2)])
        #expect(pieces("e\u{301}") == [.init("e\u{301}", width: 1)])
        for text in ["⚠️", "🇨🇳", "👍🏽", "👨‍👩‍👧", "1️⃣", "🏳️‍🌈", "🏴󠁧󠁢󠁥󠁮󠁧󠁿"] {
            let all = pieces(text)
            #expect(all.map(\.width).reduce(0, +) == DisplayWidth.of(text.first!), "\(text)")
            for piece in all {
                #expect(piece.text.count == 1, "\(text): each piece is one cluster")
                #expect(!piece.text.unicodeScalars.contains("\u{200D}"), "\(text): no ZWJ")
            }
        }
    }

    /// The blocks answered without property lookups give the width the properties give, scalar by scalar.
    @Test func theCommonBlocksAgreeWithTheMeasuredWidth() {
        var checked = 0
        for (range, width) in DisplayWidth.commonRanges {
            for value in range {
                let scalar = Unicode.Scalar(value)!
                #expect(DisplayWidth.measuredWidth(of: scalar) == width, "U+\(String(value, radix: 16))")
                #expect(DisplayWidth.width(of: scalar) == width)
                checked += 1
            }
        }
        #expect(checked > 32_000)
    }
}
