import PonderCore

/// The whole text of an error over the screen, wrapped to the box (long words and paths break
/// between characters), scrolled by lines; the title says how to scroll, copy and close.
enum ErrorOverlayView {
    /// The box on a screen: as wide as the text's longest line needs (44 to 100 columns), and as
    /// tall as its wrapped lines.
    static func box(_ text: String, in screen: Rect) -> Rect {
        let longest = text.split(whereSeparator: \.isNewline).map { DisplayWidth.of(String($0)) }.max() ?? 0
        let width = min(screen.width, max(44, min(100, longest + 4)))
        let lines = lines(text, width: contentWidth(boxWidth: width))
        let height = min(screen.height, lines.count + 3)
        return Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + max(0, (screen.height - height) / 2),
            width: width, height: height)
    }

    static func contentWidth(boxWidth: Int) -> Int { max(1, boxWidth - 4) }

    /// The rows of text under the title, above the bottom margin.
    static func content(of box: Rect) -> Rect { box.inset(top: 2, left: 2, bottom: 1, right: 2) }

    /// The text's lines at a width: each of its lines sanitised and wrapped.
    static func lines(_ text: String, width: Int) -> [String] {
        Sanitizer.sanitize(text).split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            line.isEmpty ? [""] : LineWrapper.wrap(String(line), width: width).map(\.text)
        }
    }

    /// The rows the text fills on a screen of `size`.
    static func visibleRows(_ text: String, size: Size) -> Int {
        max(1, content(of: box(text, in: HelpOverlayView.area(size: size))).height)
    }

    /// The highest scroll position: the last line at the bottom.
    static func maxScroll(_ text: String, size: Size) -> Int {
        let screen = HelpOverlayView.area(size: size)
        let count = lines(text, width: contentWidth(boxWidth: box(text, in: screen).width)).count
        return max(0, count - visibleRows(text, size: size))
    }

    static func render(_ text: String, scroll: Int, in screen: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        let box = box(text, in: screen)
        buffer.fill(box, style: theme.overlay)
        let titles = [
            " Error · ↑↓ PgUp PgDn scroll · y copies · Esc closes ", " Error · y copies · Esc closes ", " Error ",
        ]
        let title = titles.first { DisplayWidth.of($0) <= box.width } ?? " Error "
        buffer.write(
            DisplayWidth.truncate(title, width: box.width),
            at: Point(x: box.x + max(0, (box.width - DisplayWidth.of(title)) / 2), y: box.y),
            style: theme.overlayTitle, clip: box)
        let content = content(of: box)
        let all = lines(text, width: content.width)
        let first = min(max(0, scroll), max(0, all.count - content.height))
        for (row, line) in all.dropFirst(first).prefix(content.height).enumerated() {
            buffer.write(line, at: Point(x: content.x, y: content.y + row), style: theme.overlay, clip: content)
        }
        if all.count - first > content.height {
            buffer.write("↓ more", at: Point(x: box.maxX - 8, y: box.maxY - 1), style: theme.overlayTitle, clip: box)
        }
        if first > 0 {
            buffer.write("↑ more", at: Point(x: box.x + 2, y: box.maxY - 1), style: theme.overlayTitle, clip: box)
        }
    }
}
