import PonderCore

/// The key help, generated from the keymap: one group per context, keys and what they do. Long
/// descriptions wrap under their key rather than being cut; the list scrolls by line and by page.
enum HelpOverlayView {
    typealias Line = (keys: String, label: String, isHeading: Bool)

    /// The overlay's box on a screen.
    static func box(in screen: Rect) -> Rect {
        let width = min(72, screen.width)
        let height = max(3, screen.height)
        return Rect(x: screen.x + (screen.width - width) / 2, y: screen.y, width: width, height: height)
    }

    /// The rows under the title.
    static func content(of box: Rect) -> Rect { box.inset(top: 1, left: 2, bottom: 0, right: 1) }

    static func keyColumn(_ content: Rect) -> Int { min(24, content.width / 2) }

    /// The help's lines for a screen: each description wrapped into the column beside its keys.
    static func lines(keymap: Keymap = .standard, screen: Rect) -> [Line] {
        let content = content(of: box(in: screen))
        let labelWidth = max(1, content.width - 1 - keyColumn(content))
        var result: [Line] = []
        for context in [KeyContext.global, .editor, .pane, .help] {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !result.isEmpty { result.append(("", "", false)) }
            result.append((context.title, "", true))
            for binding in bindings {
                let wrapped = TextFit.wrapWords(binding.label, width: labelWidth)
                for (index, piece) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    result.append((index == 0 ? binding.keyLabel : "", piece, false))
                }
            }
        }
        return result
    }

    /// Where overlays go on a screen of `size`: all of it above the status bar.
    static func area(size: Size) -> Rect { Rect(x: 0, y: 0, width: size.width, height: max(1, size.height - 1)) }

    /// The rows the help fills on a screen of `size`.
    static func visibleRows(size: Size) -> Int { content(of: box(in: area(size: size))).height }

    /// The highest scroll position on a screen of `size`: the last line at the bottom.
    static func maxScroll(keymap: Keymap = .standard, size: Size) -> Int {
        max(0, lines(keymap: keymap, screen: area(size: size)).count - visibleRows(size: size))
    }

    static func render(scroll: Int, in screen: Rect, keymap: Keymap, theme: Theme, into buffer: inout ScreenBuffer) {
        let box = box(in: screen)
        buffer.fill(box, style: theme.overlay)
        let title = " Keys — Esc closes · PgUp/PgDn page "
        buffer.write(
            DisplayWidth.truncate(title, width: box.width),
            at: Point(x: box.x + max(0, (box.width - DisplayWidth.of(title)) / 2), y: box.y),
            style: theme.overlayTitle, clip: box)
        let content = content(of: box)
        let all = lines(keymap: keymap, screen: screen)
        let first = min(scroll, max(0, all.count - content.height))
        let keyColumn = keyColumn(content)
        for (row, line) in all.dropFirst(first).prefix(content.height).enumerated() {
            let y = content.y + row
            if line.isHeading {
                buffer.write(line.keys, at: Point(x: content.x, y: y), style: theme.overlayTitle, clip: content)
                continue
            }
            let keys = DisplayWidth.truncate(line.keys, width: keyColumn - 1)
            buffer.write(keys, at: Point(x: content.x + 1, y: y), style: theme.overlayKey, clip: content)
            let labelRect = Rect(
                x: content.x + 1 + keyColumn, y: y, width: content.maxX - content.x - 1 - keyColumn, height: 1)
            buffer.write(line.label, at: Point(x: labelRect.x, y: y), style: theme.overlay, clip: labelRect)
        }
        if all.count - first > content.height {
            buffer.write("↓ more", at: Point(x: box.maxX - 8, y: box.maxY - 1), style: theme.overlayTitle, clip: box)
        }
        if first > 0 {
            buffer.write("↑ more", at: Point(x: box.maxX - 8, y: box.y), style: theme.overlayTitle, clip: box)
        }
    }
}
