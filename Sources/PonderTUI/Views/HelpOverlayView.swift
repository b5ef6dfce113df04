import PonderCore

/// The key help, generated from the keymap: one group per context, keys and what they do.
enum HelpOverlayView {
    typealias Line = (keys: String, label: String, isHeading: Bool)

    static func lines(keymap: Keymap = .standard) -> [Line] {
        var result: [Line] = []
        for context in [KeyContext.global, .editor, .pane, .help] {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !result.isEmpty { result.append(("", "", false)) }
            result.append((context.title, "", true))
            for binding in bindings { result.append((binding.keyLabel, binding.label, false)) }
        }
        return result
    }

    static func lineCount(keymap: Keymap = .standard) -> Int { lines(keymap: keymap).count }

    static func render(scroll: Int, in screen: Rect, keymap: Keymap, theme: Theme, into buffer: inout ScreenBuffer) {
        let width = min(64, screen.width)
        let height = max(3, screen.height)
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y, width: width, height: height)
        buffer.fill(box, style: theme.overlay)
        let title = " Keys — Esc closes "
        buffer.write(
            title, at: Point(x: box.x + max(0, (width - DisplayWidth.of(title)) / 2), y: box.y),
            style: theme.overlayTitle, clip: box)
        let content = box.inset(top: 1, left: 2, bottom: 0, right: 1)
        let all = lines(keymap: keymap)
        let first = min(scroll, max(0, all.count - content.height))
        let keyColumn = min(24, content.width / 2)
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
            buffer.write(
                DisplayWidth.truncate(line.label, width: labelRect.width), at: Point(x: labelRect.x, y: y),
                style: theme.overlay, clip: labelRect)
        }
        if all.count - first > content.height {
            buffer.write("↓ more", at: Point(x: box.maxX - 8, y: box.maxY - 1), style: theme.overlayTitle, clip: box)
        }
    }
}
