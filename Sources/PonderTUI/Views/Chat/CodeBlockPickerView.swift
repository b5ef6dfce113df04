import PonderCore

/// The code-block picker over the screen: one row per block of the answer — its number, its
/// language, its size and its first line — the chosen one highlighted.
enum CodeBlockPickerView {
    static func render(
        _ blocks: [CodeBlock], selection: Int, in screen: Rect, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        let width = min(72, screen.width)
        let height = min(screen.height, blocks.count + 3)
        let box = Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + max(0, (screen.height - height) / 2), width: width,
            height: height)
        buffer.fill(box, style: theme.overlay)
        let title = " Copy which code block? 1–9 or Enter · Esc closes "
        buffer.write(
            TextFit.truncate(title, width: width),
            at: Point(x: box.x + max(0, (width - DisplayWidth.of(title)) / 2), y: box.y),
            style: theme.overlayTitle, clip: box)
        let content = box.inset(top: 2, left: 2, bottom: 0, right: 1)
        let first = max(0, min(selection - content.height + 1, blocks.count - content.height))
        for (row, index) in (first..<blocks.count).prefix(content.height).enumerated() {
            let block = blocks[index]
            let lines = block.code.split(separator: "\n", omittingEmptySubsequences: false)
            let language = block.language.isEmpty ? "text" : Sanitizer.sanitizeLine(block.language)
            let firstLine =
                lines.first { !$0.allSatisfy(\.isWhitespace) }.map { Sanitizer.sanitizeLine(String($0)) } ?? ""
            let label = "\(index + 1). \(language) · \(lines.count) line\(lines.count == 1 ? "" : "s") · \(firstLine)"
            let style = index == selection ? theme.selection : theme.overlay
            let line = Rect(x: content.x, y: content.y + row, width: content.width, height: 1)
            buffer.fill(line, style: style)
            buffer.write(
                TextFit.truncate(label, width: content.width), at: Point(x: line.x, y: line.y), style: style, clip: line
            )
        }
    }
}
