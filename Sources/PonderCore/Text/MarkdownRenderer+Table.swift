import CCmark

extension MarkdownRenderer {
    /// A GFM table with box-drawing borders. Columns take the display width of their widest
    /// cell; when the table is wider than `width`, narrow columns keep their width and the wide
    /// ones share what is left, their cells wrapping. Cells follow the column alignment. If not
    /// even one column per cell fits, rows are shown as text separated by `│`.
    func table(_ node: OpaquePointer, width: Int) -> [StyledLine] {
        let columnCount = Int(cmark_gfm_extensions_get_table_columns(node))
        guard columnCount > 0 else { return [] }
        var alignments = [UInt8](repeating: 0, count: columnCount)
        if let pointer = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columnCount { alignments[column] = pointer[column] }
        }
        var rows: [[[StyledSpan]]] = []
        var headerRows = 0
        for row in CmarkParser.children(of: node) {
            let header = cmark_gfm_extensions_get_table_row_is_header(row) != 0
            if header { headerRows += 1 }
            var cells = CmarkParser.children(of: row).prefix(columnCount).map { cell in
                inlines(of: cell, context: InlineContext(base: header ? .tableHeader : .plain))
                    .map { StyledSpan(String($0.text.map { $0 == "\n" ? " " : $0 }), $0.style) }
            }
            while cells.count < columnCount { cells.append([]) }
            rows.append(cells)
        }

        let overhead = 3 * columnCount + 1
        guard width - overhead >= columnCount else { return narrowTable(rows, width: width) }
        let natural = (0..<columnCount).map { column in
            max(1, rows.map { row in row[column].reduce(0) { $0 + $1.displayWidth } }.max() ?? 1)
        }
        let widths = Self.fit(natural, into: width - overhead)
        let border = style(.tableBorder)

        func rule(_ left: String, _ middle: String, _ right: String) -> StyledLine {
            let segments = widths.map { String(repeating: "─", count: $0 + 2) }
            return StyledLine([StyledSpan(left + segments.joined(separator: middle) + right, border)])
        }
        var lines = [rule("┌", "┬", "┐")]
        for (rowIndex, row) in rows.enumerated() {
            let wrapped = (0..<columnCount).map { LineWrapper.wrap(row[$0], width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                var line = StyledLine()
                for column in 0..<columnCount {
                    line.append(column == 0 ? "│ " : " │ ", border)
                    let cell = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : .empty
                    let spare = max(0, widths[column] - cell.displayWidth)
                    let before: Int
                    switch alignments[column] {
                    case UInt8(ascii: "r"): before = spare
                    case UInt8(ascii: "c"): before = spare / 2
                    default: before = 0
                    }
                    line.append(String(repeating: " ", count: before), style(.plain))
                    for span in cell.spans { line.append(span) }
                    line.append(String(repeating: " ", count: spare - before), style(.plain))
                }
                line.append(" │", border)
                lines.append(line)
            }
            if rowIndex == headerRows - 1 && rowIndex < rows.count - 1 { lines.append(rule("├", "┼", "┤")) }
        }
        lines.append(rule("└", "┴", "┘"))
        return lines
    }

    /// Column widths that fit `available`: columns narrower than an even share keep their
    /// natural width, the rest split what remains.
    static func fit(_ natural: [Int], into available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural }
        var widths = natural
        var remaining = available
        let order = natural.indices.sorted { natural[$0] < natural[$1] }
        for (position, column) in order.enumerated() {
            let share = remaining / (order.count - position)
            widths[column] = max(1, min(natural[column], share))
            remaining -= widths[column]
        }
        return widths
    }

    /// Rows as wrapped text, cells separated by `│`, for widths too small for a grid.
    private func narrowTable(_ rows: [[[StyledSpan]]], width: Int) -> [StyledLine] {
        rows.flatMap { row in
            var spans: [StyledSpan] = []
            for (index, cell) in row.enumerated() {
                if index > 0 { spans.append(StyledSpan(" │ ", style(.tableBorder))) }
                spans += cell
            }
            return LineWrapper.wrap(spans, width: width)
        }
    }
}
