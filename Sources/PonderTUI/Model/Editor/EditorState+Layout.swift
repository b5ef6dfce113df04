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
    /// Wraps the whole text; the screen uses `visibleRows(width:height:)`.
    public func rows(width: Int) -> EditorRows {
        var rows: [String] = []
        var cursor = Point(x: 0, y: 0)
        for index in lines.indices {
            let wrapped = wrap(line: index, width: width)
            if let point = wrapped.cursor { cursor = Point(x: point.x, y: rows.count + point.y) }
            rows += wrapped.rows
        }
        return EditorRows(rows: rows, cursor: cursor)
    }

    /// The `height` rows of `rows(width:)` an editor that tall shows: the cursor's row at the
    /// bottom once the text is taller, with the cursor relative to the first row shown. Wraps
    /// only the lines in view, so its cost does not grow with the text.
    public func visibleRows(width: Int, height: Int) -> EditorRows {
        let height = max(1, height)
        let here = wrap(line: cursorLine, width: width)
        let cursor = here.cursor ?? Point(x: 0, y: 0)
        var above = Array(here.rows.prefix(cursor.y + 1).suffix(height))
        var line = cursorLine
        while above.count < height && line > 0 {
            line -= 1
            above = Array((wrap(line: line, width: width).rows + above).suffix(height))
        }
        let cursorRow = above.count - 1
        var shown = above + here.rows.dropFirst(cursor.y + 1).prefix(height - above.count)
        line = cursorLine
        while shown.count < height && line + 1 < lines.count {
            line += 1
            shown += wrap(line: line, width: width).rows.prefix(height - shown.count)
        }
        return EditorRows(rows: shown, cursor: Point(x: cursor.x, y: cursorRow))
    }

    /// How many rows the text wraps into, counting no further than `limit`.
    public func rowCount(width: Int, limit: Int) -> Int {
        var count = 0
        var index = 0
        while count < limit && index < lines.count {
            count += wrap(line: index, width: width).rows.count
            index += 1
        }
        return min(count, limit)
    }

    /// One line's rows, and the cursor within them when it is on this line.
    private func wrap(line index: Int, width: Int) -> (rows: [String], cursor: Point?) {
        let width = max(1, width)
        let hasCursor = index == cursorLine
        var rows: [String] = []
        var row = ""
        var column = 0
        var cursorPoint: Point?
        var offset = 0
        for character in lines[index] {
            let glyphWidth = DisplayWidth.of(ScreenBuffer.sanitized(character))
            if column + glyphWidth > width && column > 0 {
                rows.append(row)
                row = ""
                column = 0
            }
            if hasCursor && offset == cursorColumn { cursorPoint = Point(x: column, y: rows.count) }
            row.append(character)
            column += glyphWidth
            offset += 1
        }
        if hasCursor && cursorPoint == nil {
            if index == lines.count - 1 && column >= width {
                rows.append(row)
                row = ""
                column = 0
            }
            cursorPoint = Point(x: min(column, width - 1), y: rows.count)
        }
        rows.append(row)
        return (rows, cursorPoint)
    }
}
