import PonderCore

/// The message editor: a title row, then the text with a `›` prompt, scrolled so the cursor
/// row is visible. Returns where the terminal cursor goes (nil when the editor lacks focus).
enum EditorView {
    static let promptWidth = 2

    /// Columns available for text on a screen `width` columns wide.
    static func textWidth(for width: Int) -> Int { max(1, width - promptWidth) }

    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) -> Point? {
        buffer.fill(rect, style: theme.editorText)
        let focused = state.focus == .editor
        let titleStyle = focused ? theme.focusedPaneTitle : theme.paneTitle
        buffer.fill(rect.row(0), style: theme.separator, with: "─")
        buffer.write(" Message ", at: Point(x: rect.x + 1, y: rect.y), style: titleStyle, clip: rect.row(0))
        let area = rect.inset(top: 1)
        guard !area.isEmpty else { return nil }
        let textRect = area.inset(left: promptWidth)
        buffer.write("›", at: Point(x: area.x, y: area.y), style: titleStyle, clip: area)
        if state.editor.isEmpty {
            let hint = "Type a message — Enter sends, Alt-Enter adds a line"
            buffer.write(
                DisplayWidth.truncate(hint, width: textRect.width), at: Point(x: textRect.x, y: textRect.y),
                style: theme.editorPlaceholder, clip: textRect)
            return focused ? Point(x: textRect.x, y: textRect.y) : nil
        }
        let layout = state.editor.visibleRows(width: textRect.width, height: textRect.height)
        for (offset, row) in layout.rows.enumerated() {
            buffer.write(row, at: Point(x: textRect.x, y: textRect.y + offset), style: theme.editorText, clip: textRect)
        }
        guard focused else { return nil }
        return Point(x: textRect.x + min(layout.cursor.x, textRect.width - 1), y: textRect.y + layout.cursor.y)
    }
}
