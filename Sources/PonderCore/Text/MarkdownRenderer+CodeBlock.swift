import CCmark

extension MarkdownRenderer {
    /// A code block in a rounded box-drawing frame sized to its longest line (at most the
    /// width), the language in the top border. Lines longer than the frame wrap between
    /// characters. Every line, frame included, carries the block's number. Below 6 columns the
    /// frame is left out.
    func codeBlock(_ node: OpaquePointer, width: Int, state: inout RenderState) -> [StyledLine] {
        let number = state.nextCodeBlock
        state.nextCodeBlock += 1
        var source = CmarkParser.literal(node)
        if source.last == "\n" { source.removeLast() }
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let language = Sanitizer.sanitizeLine(String(info.split(separator: " ").first ?? ""))
        let codeLines = PlainText.logicalLines(Sanitizer.spans(source[...], style: style(.codeBlock)))

        if width < 6 {
            return codeLines.flatMap { line in
                LineWrapper.wrap(line, width: width, mode: .characters).map { StyledLine($0.spans, codeBlock: number) }
            }
        }
        let label = language.isEmpty ? "" : " " + language + " "
        let labelWidth = DisplayWidth.of(label)
        let natural = codeLines.map { $0.reduce(0) { $0 + $1.displayWidth } }.max() ?? 0
        let frameWidth = min(width, max(natural + 4, labelWidth + 3, 5))
        let inner = frameWidth - 4
        let frame = style(.codeFrame)

        var top = StyledLine(codeBlock: number)
        if labelWidth + 3 <= frameWidth {
            top.append("╭─", frame)
            top.append(label, style(.codeLanguage))
            top.append(String(repeating: "─", count: frameWidth - 3 - labelWidth) + "╮", frame)
        } else {
            top.append("╭" + String(repeating: "─", count: frameWidth - 2) + "╮", frame)
        }
        var lines = [top]
        for codeLine in codeLines {
            for wrapped in LineWrapper.wrap(codeLine, width: inner, mode: .characters) {
                var line = StyledLine(codeBlock: number)
                line.append("│ ", frame)
                for span in wrapped.spans { line.append(span) }
                let padding = max(0, inner - wrapped.displayWidth)
                line.append(String(repeating: " ", count: padding + 1) + "│", frame)
                lines.append(line)
            }
        }
        var bottom = StyledLine(codeBlock: number)
        bottom.append("╰" + String(repeating: "─", count: frameWidth - 2) + "╯", frame)
        lines.append(bottom)
        return lines
    }
}
