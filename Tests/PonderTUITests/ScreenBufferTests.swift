import PonderTUI
import TestSupport
import Testing

@Suite struct ScreenBufferTests {
    @Test func writesWideGlyphsWithContinuationCells() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let next = buffer.write("a中😀", at: Point(x: 0, y: 0))
        #expect(next == 5)
        #expect(buffer[1, 0].grapheme == "中" && buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].grapheme == "😀" && buffer[4, 0].isContinuation)
        #expect(buffer.lines() == ["a中😀 "])
    }

    @Test func zwjSequenceIsDrawnAsItsMembersWithoutTheJoiners() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        buffer.write("👨‍👩‍👧x", at: Point(x: 0, y: 0))
        #expect(buffer[0, 0].grapheme == "👨")
        #expect(buffer[2, 0].grapheme == "👩")
        #expect(buffer[4, 0].grapheme == "👧")
        #expect(buffer[6, 0].grapheme == "x")
    }

    @Test func wideGlyphCutAtRectEdgeBecomesSpace() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1), fill: Cell(grapheme: "."))
        buffer.write("ab中", at: Point(x: 0, y: 0), clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(buffer.lines() == ["ab ..."])
        #expect(buffer[2, 0].width == 1)
    }

    @Test func wideGlyphCutAtScreenEdgeBecomesSpace() {
        var buffer = ScreenBuffer(size: Size(width: 3, height: 1))
        buffer.write("xy中", at: Point(x: 0, y: 0))
        #expect(buffer.lines() == ["xy "])
        #expect(!buffer[2, 0].isContinuation)
    }

    @Test func narrowOverWideLeaderBlanksTheTrailingHalf() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("中文", at: Point(x: 0, y: 0))
        buffer.write("a", at: Point(x: 0, y: 0))
        #expect(buffer.lines() == ["a 文"])
        #expect(buffer[1, 0] == Cell.blank)
    }

    @Test func writingOverTrailingHalfBlanksTheLeader() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("中文", at: Point(x: 0, y: 0))
        buffer.write("b", at: Point(x: 1, y: 0))
        #expect(buffer.lines() == [" b文"])
        buffer.write("国", at: Point(x: 1, y: 0))
        #expect(buffer.lines() == [" 国 "])
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func controlCharactersShowAsControlPictures() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("a\u{1B}[\u{7}\u{7F}\u{9B}", at: Point(x: 0, y: 0))
        #expect(buffer.lines() == ["a␛[␇␡␚"])
    }

    @Test func loneCombiningMarksAreSkippedButComposedOnesKept() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        let next = buffer.write("\u{301}e\u{301}x", at: Point(x: 0, y: 0))
        #expect(next == 2)
        #expect(buffer.lines() == ["e\u{301}x  "])
    }

    @Test func fillRepairsWideGlyphsSplitAtItsEdges() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("中文字", at: Point(x: 0, y: 0))
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: "-")
        #expect(buffer.lines() == [" -- 字"])
    }

    @Test func writesOutsideTheBufferAreIgnored() {
        var buffer = ScreenBuffer(size: Size(width: 2, height: 1))
        buffer.write("abc", at: Point(x: -1, y: 0))
        buffer.write("zz", at: Point(x: 0, y: 5))
        #expect(buffer.lines() == ["bc"])
    }
}

@Suite struct ScreenDiffTests {
    @Test func firstFrameWritesEveryGlyphButNotContinuations() {
        var buffer = ScreenBuffer(size: Size(width: 3, height: 2))
        buffer.write("中", at: Point(x: 0, y: 0))
        let changes = ScreenDiff.changes(from: nil, to: buffer)
        #expect(changes.count == 5)
        #expect(!changes.contains { $0.x == 1 && $0.y == 0 })
    }

    @Test func onlyChangedCellsAreWritten() {
        var old = ScreenBuffer(size: Size(width: 5, height: 2))
        old.write("hello", at: Point(x: 0, y: 0))
        var new = old
        new.write("J", at: Point(x: 0, y: 0))
        new.write("!", at: Point(x: 4, y: 1))
        let changes = ScreenDiff.changes(from: old, to: new)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [4, 1]])
        #expect(ScreenDiff.changes(from: new, to: new).isEmpty)
    }

    @Test func wideReplacedByNarrowReemitsTheTrailingCell() {
        var old = ScreenBuffer(size: Size(width: 4, height: 1))
        old.write("中", at: Point(x: 1, y: 0))
        var new = old
        new.write("a", at: Point(x: 1, y: 0))
        let changes = ScreenDiff.changes(from: old, to: new)
        #expect(changes.map(\.x) == [1, 2])
        #expect(changes[1].cell == Cell.blank)
    }

    @Test func styleChangeAloneIsWritten() {
        var old = ScreenBuffer(size: Size(width: 2, height: 1))
        old.write("中", at: Point(x: 0, y: 0))
        var new = old
        new.write("中", at: Point(x: 0, y: 0), style: Style(attributes: .bold))
        #expect(ScreenDiff.changes(from: old, to: new).map(\.x) == [0])
    }

    @Test func sizeChangeRepaintsEverything() {
        let old = ScreenBuffer(size: Size(width: 2, height: 2))
        let new = ScreenBuffer(size: Size(width: 3, height: 2))
        #expect(ScreenDiff.changes(from: old, to: new).count == 6)
    }

    @Test func memoryTerminalShowsTheSameAsTheBufferAfterDiffs() {
        let terminal = MemoryTerminal(size: Size(width: 6, height: 1))
        var previous: ScreenBuffer?
        for text in ["中文字", "a文字", "ab😀x", "中ab 1"] {
            var frame = ScreenBuffer(size: terminal.size)
            frame.write(text, at: Point(x: 0, y: 0))
            terminal.present(ScreenDiff.changes(from: previous, to: frame), cursor: nil)
            #expect(terminal.screen.lines() == frame.lines())
            previous = frame
        }
    }
}

/// Emoji sequences are written as the pieces the terminal draws, clipped like other text.
@Suite struct ScreenBufferPiecesTests {
    @Test func aClusterOfSeveralPiecesIsWrittenCellByCellAndClippedAtTheEdge() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 2))
        let end = buffer.write("a👨‍👩‍👧", at: Point(x: 0, y: 0))
        #expect(end == 7)
        #expect(buffer[1, 0].grapheme == "👨")
        #expect(buffer[3, 0].grapheme == "👩")
        #expect(buffer[5, 0].grapheme == "👧")
        let clipped = buffer.write("abc👍🏽🇨🇳", at: Point(x: 0, y: 1), clip: Rect(x: 0, y: 1, width: 6, height: 1))
        #expect(clipped >= 6)
        #expect(buffer[3, 1].grapheme == "👍")
        #expect(buffer[5, 1].grapheme == " ", "a wide piece cut by the edge becomes a space")
        #expect(buffer[7, 1].grapheme == " ", "nothing written past the clip")
        #expect(buffer[0, 0].grapheme == "a", "the first row is untouched")
    }

    /// ASCII is written straight from its bytes and a fill stores whole rows; the result is what putting
    /// the same clusters (or blanks) one at a time gives, over wide glyphs, with clips and starting
    /// columns on and off the buffer.
    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func writingAndFillingEqualPuttingEachCell(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
        let pieces = ["ab", "c", " ", "中", "文字", "e\u{301}", "\u{301}", "😀", "xyz!", "\u{7}", "👨‍👩‍👧", "é"]
        func text() -> String { (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined() }
        var written = ScreenBuffer(size: Size(width: 12, height: 2))
        for _ in 0..<3 { written.write(text(), at: Point(x: next(12), y: next(2))) }
        var put = written
        for _ in 0..<6 {
            let line = text()
            let point = Point(x: next(16) - 3, y: next(3) - 1)
            let clip = Rect(x: next(6), y: 0, width: next(10), height: 2)
            let end = written.write(line, at: point, clip: clip)
            var x = point.x
            let area = clip.intersection(put.bounds)
            if point.y >= area.y && point.y < area.maxY {
                for character in line where x < area.maxX {
                    x = put.put(character, x: x, y: point.y, style: .plain, minX: area.x, maxX: area.maxX)
                }
            }
            #expect(written == put, "\(line) at \(point) in \(clip)")
            #expect(end == (point.y >= area.y && point.y < area.maxY ? x : point.x))
            let filled = Rect(x: next(14) - 1, y: next(3) - 1, width: next(6), height: 1 + next(2))
            written.fill(filled, with: "-")
            let inside = filled.intersection(put.bounds)
            for y in inside.y..<inside.maxY {
                for x in inside.x..<inside.maxX { put.put("-", x: x, y: y, style: .plain) }
            }
            #expect(written == put, "fill \(filled)")
        }
    }
}
