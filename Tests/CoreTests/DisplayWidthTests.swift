import PonderCore
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("中", 2), ("あ", 2), ("한", 2), ("Ａ", 2), ("😀", 2), ("é", 1),
        ("e\u{301}", 1), ("\u{301}", 0), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇨🇳", 2), ("1️⃣", 2),
        ("❤️", 2), ("\u{200B}", 0), ("\u{7}", 0), ("\u{9F}", 0), ("·", 1),
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
}
