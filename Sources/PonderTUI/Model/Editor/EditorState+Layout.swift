import PonderCore

/// The editor's text broken into screen rows for a given width, and where the cursor lands.
public struct EditorRows: Equatable, Sendable {
    public var rows: [String]
    /// Cursor position relative to the first row.
    public var cursor: Point
}

extension EditorState {
    /// Hard-wraps each line at `width` columns, grapheme by grapheme (a wide glyph never
    /// straddles two rows). A cursor after a full last row goes to a fresh row below.
    public func rows(width: Int) -> EditorRows {
        let width = max(1, width)
        var rows: [String] = []
        var row = ""
        var column = 0
        var cursorPoint: Point?
        var offset = 0
        for character in text {
            if character == "\n" {
                if offset == cursor { cursorPoint = Point(x: min(column, width - 1), y: rows.count) }
                rows.append(row)
                row = ""
                column = 0
                offset += 1
                continue
            }
            let glyphWidth = DisplayWidth.of(ScreenBuffer.sanitized(character))
            if column + glyphWidth > width && column > 0 {
                rows.append(row)
                row = ""
                column = 0
            }
            if offset == cursor { cursorPoint = Point(x: column, y: rows.count) }
            row.append(character)
            column += glyphWidth
            offset += 1
        }
        if cursorPoint == nil {
            if column >= width {
                rows.append(row)
                row = ""
                column = 0
            }
            cursorPoint = Point(x: column, y: rows.count)
        }
        rows.append(row)
        return EditorRows(rows: rows, cursor: cursorPoint!)
    }
}
