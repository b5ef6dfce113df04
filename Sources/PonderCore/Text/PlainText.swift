/// Renders plain text (user messages, titles, error text, reasoning in its fast path) to
/// styled lines at a width: sanitised, tabs expanded, word-wrapped; a line's own leading
/// indentation is repeated on its wrapped continuation lines when it leaves room to write.
public enum PlainText {
    public static func lines(_ text: String, width: Int, style: TextStyle = .plain) -> [StyledLine] {
        var result: [StyledLine] = []
        for line in logicalLines(Sanitizer.spans(text[...], style: style)) {
            var indent = 0
            for span in line {
                let spaces = span.text.prefix { $0 == " " }.count
                indent += spaces
                if spaces < span.text.count { break }
            }
            let hanging =
                indent > 0 && indent <= width / 2 ? [StyledSpan(String(repeating: " ", count: indent), style)] : []
            result += LineWrapper.wrap(line, width: width, continuationPrefix: hanging)
        }
        return result
    }

    /// Splits spans at newlines into the spans of each line.
    static func logicalLines(_ spans: [StyledSpan]) -> [[StyledSpan]] {
        var lines: [[StyledSpan]] = [[]]
        for span in spans {
            var first = true
            for part in span.text.split(separator: "\n", omittingEmptySubsequences: false) {
                if !first { lines.append([]) }
                first = false
                if !part.isEmpty { lines[lines.count - 1].append(StyledSpan(String(part), span.style)) }
            }
        }
        return lines
    }
}
