import PonderCore

/// A frame as a grid of cells, row-major. Views draw into it; `ScreenDiff` compares two of
/// them. Invariant: every cell of width 2 is followed by a continuation cell on the same row,
/// and every continuation cell follows a width-2 cell — writes repair any neighbour they split.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    /// Makes every cell blank again, keeping the storage (a frame drawn into a recycled buffer
    /// allocates nothing).
    public mutating func clear() {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Paints every cell of `rect` (clipped to the buffer) blank with `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with grapheme: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(grapheme: grapheme, style: style, width: 1)
        let width = size.width
        for y in area.y..<area.maxY {
            repairBeforeOverwrite(x: area.x, y: y)
            repairAfterOverwrite(x: area.maxX - 1, y: y)
            let start = y * width
            // One bulk store per row: every frame fills its panes before drawing into them.
            cells.withUnsafeMutableBufferPointer { all in
                UnsafeMutableBufferPointer(rebasing: all[(start + area.x)..<(start + area.maxX)]).update(
                    repeating: cell)
            }
        }
    }

    /// Writes `text` on row `point.y` from column `point.x`, never past `clip` (nor the buffer).
    /// Returns the column after the last cell written. Control characters show as their Control
    /// Picture symbols; zero-width clusters with nothing to attach to are skipped; a wide glyph
    /// that would be cut by the right edge becomes a space.
    @discardableResult
    public mutating func write<S: StringProtocol>(
        _ text: S, at point: Point, style: Style = .plain, clip: Rect? = nil
    ) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard point.y >= area.y, point.y < area.maxY else { return point.x }
        var x = point.x
        // Printable ASCII followed by ASCII (or the end) is a grapheme cluster of its own and one
        // cell wide: written straight from the bytes. Anything else goes cluster by cluster.
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex, x < area.maxX {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte >= 0x20 && byte < 0x7F && (next == utf8.endIndex || utf8[next] < 0x80) {
                if x >= area.x && x >= 0 {
                    setCell(Cell(ascii: byte, style: style), x: x, y: point.y)
                }
                x += 1
                index = next
                continue
            }
            guard let character = text[index...].first else { break }
            x = put(character, x: x, y: point.y, style: style, minX: area.x, maxX: area.maxX)
            index = utf8.index(index, offsetBy: character.utf8.count)
        }
        return x
    }

    /// Writes one grapheme cluster at (x, y) within columns `minX..<maxX`; returns the next column.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, minX: Int = 0, maxX: Int? = nil)
        -> Int
    {
        let limit = min(maxX ?? size.width, size.width)
        let glyph = Self.sanitized(character)
        if glyph.unicodeScalars.count > 1 {
            // Drawn as the pieces ncurses and the terminal agree on (see `DisplayWidth.pieces`).
            let pieces = DisplayWidth.pieces(of: glyph)
            if pieces.count > 1 || pieces.first?.text.unicodeScalars.count != glyph.unicodeScalars.count {
                var next = x
                for piece in pieces {
                    // A piece is one cluster; were one not, its columns stay blank rather than shift the row.
                    let shown = piece.text.count == 1 ? piece.text.first! : " "
                    for _ in 0..<(piece.text.count == 1 ? 1 : piece.width) {
                        // Pieces past the right edge are clipped like any other text.
                        next =
                            next < limit
                            ? put(shown, x: next, y: y, style: style, minX: minX, maxX: maxX)
                            : next + DisplayWidth.of(shown)
                    }
                }
                return next
            }
        }
        let width = DisplayWidth.of(glyph)
        if width == 0 { return x }
        if x < max(minX, 0) || y < 0 || y >= size.height { return x + width }
        if width == 2 && x + 1 >= limit {
            setCell(Cell(grapheme: " ", style: style, width: 1), x: x, y: y)
            return x + 2
        }
        if width == 2 {
            repairBeforeOverwrite(x: x, y: y)
            repairAfterOverwrite(x: x + 1, y: y)
            let index = y * size.width + x
            cells[index] = Cell(grapheme: glyph, style: style, width: 2)
            cells[index + 1] = .continuation(style: style)
        } else {
            setCell(Cell(grapheme: glyph, style: style, width: 1), x: x, y: y)
        }
        return x + width
    }

    /// The cells of `rect` (clipped to the buffer), row by row, for `restore(_:in:)`.
    public func cells(in rect: Rect) -> [Cell] {
        let area = rect.intersection(bounds)
        var taken: [Cell] = []
        taken.reserveCapacity(area.width * area.height)
        for y in area.y..<area.maxY {
            let start = y * size.width
            taken.append(contentsOf: cells[(start + area.x)..<(start + area.maxX)])
        }
        return taken
    }

    /// Puts back cells that `cells(in:)` took from the same `rect` of a buffer of this size,
    /// repairing any wide glyph of this buffer that the rect's edges split.
    public mutating func restore(_ taken: [Cell], in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty, taken.count == area.width * area.height else { return }
        for row in 0..<area.height {
            let y = area.y + row
            repairBeforeOverwrite(x: area.x, y: y)
            repairAfterOverwrite(x: area.maxX - 1, y: y)
            let start = y * size.width + area.x
            let from = row * area.width
            cells.replaceSubrange(start..<(start + area.width), with: taken[from..<(from + area.width)])
        }
    }

    /// Places a cell taken from another frame (already sanitised and measured) at (x, y), with
    /// its continuation when wide — what a terminal does with a `CellChange`.
    public mutating func place(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, y < size.height, x < size.width, !cell.isContinuation else { return }
        if cell.width == 2 {
            guard x + 1 < size.width else {
                setCell(Cell(grapheme: " ", style: cell.style, width: 1), x: x, y: y)
                return
            }
            repairBeforeOverwrite(x: x, y: y)
            repairAfterOverwrite(x: x + 1, y: y)
            cells[y * size.width + x] = cell
            cells[y * size.width + x + 1] = .continuation(style: cell.style)
        } else {
            setCell(cell, x: x, y: y)
        }
    }

    /// The plain-text rows of the frame (continuation cells contribute nothing, trailing spaces kept).
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            line.reserveCapacity(size.width)
            for x in 0..<size.width {
                let cell = self[x, y]
                if !cell.isContinuation { line.append(cell.grapheme) }
            }
            return line
        }
    }

    /// Replaces the cell at (x, y), first repairing any wide glyph it splits.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        repairBeforeOverwrite(x: x, y: y)
        repairAfterOverwrite(x: x, y: y)
        cells[y * size.width + x] = cell
    }

    /// Overwriting a continuation cell breaks the wide glyph on its left: that glyph becomes a space.
    private mutating func repairBeforeOverwrite(x: Int, y: Int) {
        let index = y * size.width + x
        guard x > 0, cells[index].isContinuation else { return }
        cells[index - 1] = Cell(grapheme: " ", style: cells[index - 1].style, width: 1)
    }

    /// Overwriting the leading half of a wide glyph leaves its continuation orphaned: blank it.
    private mutating func repairAfterOverwrite(x: Int, y: Int) {
        guard x >= 0, x + 1 < size.width else { return }
        let index = y * size.width + x
        if cells[index].width == 2 {
            cells[index + 1] = Cell(grapheme: " ", style: cells[index + 1].style, width: 1)
        }
    }

    /// Control characters never reach the screen: C0 controls and DEL become their Control
    /// Picture symbols (U+2400…U+2421), C1 controls the substitute symbol U+241A.
    static func sanitized(_ character: Character) -> Character {
        let first = character.unicodeScalars.first!.value
        if first < 0x20 { return Character(Unicode.Scalar(0x2400 + first)!) }
        if first == 0x7F { return "\u{2421}" }
        if first >= 0x80 && first < 0xA0 { return "\u{241A}" }
        return character
    }
}
