import PonderCore

/// Drawing shared by the panes: title rows, separators and centered empty-state text.
enum PaneChrome {
    /// The pane's title on its first row, highlighted when the pane has focus.
    static func drawTitle(_ title: String, in rect: Rect, focused: Bool, theme: Theme, into buffer: inout ScreenBuffer)
    {
        guard !rect.isEmpty else { return }
        let style = focused ? theme.focusedPaneTitle : theme.paneTitle
        buffer.fill(rect.row(0), style: style)
        let marker = focused ? "▌" : " "
        buffer.write(
            marker + DisplayWidth.truncate(title, width: rect.width - 1), at: Point(x: rect.x, y: rect.y), style: style,
            clip: rect)
    }

    /// A vertical line.
    static func drawSeparator(_ rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        for y in rect.y..<rect.maxY {
            buffer.write("│", at: Point(x: rect.x, y: y), style: theme.separator, clip: rect)
        }
    }

    /// Paragraphs word-wrapped and centered in `rect` (vertically and horizontally).
    static func drawCentered(_ paragraphs: [String], in rect: Rect, style: Style, into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let width = max(1, rect.width - 2)
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            lines += TextFit.wrapWords(paragraph, width: width)
        }
        let visible = lines.prefix(rect.height)
        let top = rect.y + max(0, (rect.height - visible.count) / 2)
        for (offset, line) in visible.enumerated() {
            let x = rect.x + max(0, (rect.width - DisplayWidth.of(line)) / 2)
            buffer.write(line, at: Point(x: x, y: top + offset), style: style, clip: rect)
        }
    }

    /// A box of at most `width` × `height` cells centred on `screen`, filled in the overlay style,
    /// with `title` centred on its first row; returns the box.
    static func drawOverlayBox(
        title: String, width: Int, height: Int, on screen: Rect, theme: Theme, into buffer: inout ScreenBuffer
    ) -> Rect {
        let width = min(width, screen.width)
        let height = min(screen.height, height)
        let box = Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + max(0, (screen.height - height) / 2), width: width,
            height: height)
        buffer.fill(box, style: theme.overlay)
        buffer.write(
            DisplayWidth.truncate(title, width: width),
            at: Point(x: box.x + max(0, (width - DisplayWidth.of(title)) / 2), y: box.y), style: theme.overlayTitle,
            clip: box)
        return box
    }
}
