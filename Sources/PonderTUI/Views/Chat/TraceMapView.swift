import PonderCore

/// The map strip: one column along the thinking panel's edge standing for the whole trace
/// (`TraceMapScale`), with the part on screen drawn as a thumb, the glyph of a reflection point's
/// kind where one starts, and search matches marked. A click on it shows that part
/// (`Reducer.clickTraceMap`).
enum TraceMapView {
    static func render(
        _ outline: TraceOutline, visible: Range<Int>, matches: [Int], column: Rect, theme: Theme,
        into buffer: inout ScreenBuffer
    ) {
        let rows = column.height
        let bytes = outline.byteCount
        guard rows > 0, bytes > 0 else { return }
        let thumbStyle = Style(foreground: theme.accent, attributes: .bold)
        for row in 0..<rows {
            let range = TraceMapScale.range(ofRow: row, rows: rows, bytes: bytes)
            let onScreen = range.overlaps(visible) || (range.isEmpty && visible.contains(range.lowerBound))
            var glyph: Character = onScreen ? "┃" : "│"
            var style = onScreen ? thumbStyle : theme.separator
            let points = outline.pointIndices(startingIn: range)
            if let first = points.first {
                glyph = Character(outline.point(at: first).kind.glyph)
                style = theme.warning
            }
            if hasMatch(matches, in: range) {
                if points.isEmpty { glyph = "•" }
                style = theme.searchMatch
            }
            if onScreen && !points.isEmpty { style.attributes.insert(.reverse) }
            buffer.put(glyph, x: column.x, y: column.y + row, style: style, minX: column.x, maxX: column.x + 1)
        }
    }

    /// Whether an offset of the ascending `matches` lies in `range`.
    private static func hasMatch(_ matches: [Int], in range: Range<Int>) -> Bool {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < matches.count && matches[low] < range.upperBound
    }
}
