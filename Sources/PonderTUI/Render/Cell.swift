/// One cell of a frame: a grapheme cluster, its style and its display width. A wide glyph
/// occupies its own cell (width 2) and the next one, a continuation cell (width 0) that holds
/// no text of its own.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var style: Style
    /// 1 or 2 for a glyph, 0 for the trailing half of a wide glyph.
    public var width: UInt8

    public init(grapheme: Character, style: Style = .plain, width: UInt8 = 1) {
        self.grapheme = grapheme
        self.style = style
        self.width = width
    }

    public static let blank = Cell(grapheme: " ")

    public var isContinuation: Bool { width == 0 }

    static func continuation(style: Style) -> Cell { Cell(grapheme: " ", style: style, width: 0) }
}
