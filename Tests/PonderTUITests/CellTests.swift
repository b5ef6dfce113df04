import PonderTUI
import Testing

@Suite struct CellTests {
    @Test(
        arguments: [
            "a", " ", "~", "é", "e\u{0301}", "中", "😀", "👍🏽", "🇫🇷", "❤️", "각", "\u{1F468}\u{200D}", "Z\u{0336}\u{0337}",
            "\u{10FFFF}",
        ] as [Character])
    func keepsAClusterOfUpToFiveScalarsWhole(_ cluster: Character) {
        let cell = Cell(grapheme: cluster, style: Style(foreground: .red), width: 2)
        #expect(cell.grapheme == cluster)
        #expect(cell.scalarCount == cluster.unicodeScalars.count)
        #expect(cell.style == Style(foreground: .red) && cell.width == 2)
        #expect(cell == Cell(grapheme: cluster, style: Style(foreground: .red), width: 2))
    }

    @Test func keepsTheFirstFiveScalarsOfALongerClusterAsTheTerminalDoes() {
        let marks = "\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}"
        let cell = Cell(grapheme: Character("e" + marks))
        #expect(cell.scalarCount == Cell.scalarCapacity)
        #expect(cell.grapheme == Character("e\u{0301}\u{0302}\u{0303}\u{0304}"))
        #expect((0..<5).map { cell.scalarValue(at: $0) } == [0x65, 0x301, 0x302, 0x303, 0x304])
    }

    @Test func cellsDifferingInAnyScalarOrStyleDiffer() {
        let base = Cell(grapheme: "e\u{0301}")
        #expect(base != Cell(grapheme: "e\u{0300}"))
        #expect(base != Cell(grapheme: "e"))
        #expect(base != Cell(grapheme: "e\u{0301}", style: Style(attributes: .bold)))
        #expect(Cell(grapheme: "x", width: 1) != Cell(grapheme: "x", width: 0))
    }
}
