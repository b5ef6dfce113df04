import PonderCore

/// One row of a scrolling pane, ready to draw: text pieces with their cell styles.
struct ScreenLine {
    var pieces: [(text: String, style: Style)]

    init(_ pieces: [(text: String, style: Style)] = []) {
        self.pieces = pieces
    }

    init(_ text: String, style: Style) {
        pieces = [(text, style)]
    }

    init(_ line: StyledLine, theme: Theme) {
        pieces = line.spans.map { ($0.text, theme.style(for: $0.style)) }
    }

    static let blank = ScreenLine()

    /// Draws the line from `point`, clipped to `clip`.
    func draw(at point: Point, clip: Rect, into buffer: inout ScreenBuffer) {
        var x = point.x
        for piece in pieces {
            x = buffer.write(piece.text, at: Point(x: x, y: point.y), style: piece.style, clip: clip)
        }
    }
}

/// A run of pane lines that can be asked for any sub-range without building the rest.
struct LineSegment {
    var count: Int
    var lines: (Range<Int>) -> [ScreenLine]
    /// The message the lines belong to, and whether they are its fold header (for clicks).
    var messageID: MessageID?
    var isFoldHeader = false

    init(count: Int, lines: @escaping (Range<Int>) -> [ScreenLine]) {
        self.count = count
        self.lines = lines
    }

    static func single(_ line: ScreenLine) -> LineSegment {
        LineSegment(count: 1) { range in range.isEmpty ? [] : [line] }
    }

    static func text(_ markdown: StreamingMarkdown, width: Int, theme: Theme, prefix: String = "") -> LineSegment {
        LineSegment(count: markdown.lineCount(width: width)) { range in
            markdown.lines(in: range, width: width).map { line in
                var screen = ScreenLine(line, theme: theme)
                if !prefix.isEmpty { screen.pieces.insert((prefix, theme.separator), at: 0) }
                return screen
            }
        }
    }
}
