/// Renders plain text (user messages, titles, error text, reasoning in its fast path) to
/// styled lines at a width: sanitised, tabs expanded, word-wrapped; a line's own leading
/// indentation is repeated on its wrapped continuation lines when it leaves room to write.
/// `lineCount` gives the number of lines without building them.
public enum PlainText {
    public static func lines(_ text: String, width: Int, style: TextStyle = .plain) -> [StyledLine] {
        var result: [StyledLine] = []
        forEachLine(text, width: width, style: style) { line, hanging in
            result += LineWrapper.wrap(line, width: width, continuationPrefix: hanging)
        }
        return result
    }

    /// Number of lines `lines` would return.
    public static func lineCount(_ text: String, width: Int, style: TextStyle = .plain) -> Int {
        var count = 0
        forEachLine(text, width: width, style: style) { line, hanging in
            count += LineWrapper.lineCount(line, width: width, continuationPrefix: hanging)
        }
        return count
    }

    /// Calls `body` with the spans of each sanitised logical line and its hanging indent.
    private static func forEachLine(
        _ text: String, width: Int, style: TextStyle, _ body: ([StyledSpan], [StyledSpan]) -> Void
    ) {
        for line in logicalLines(Sanitizer.spans(text[...], style: style)) {
            let indent = hangingIndent(line, width: width)
            body(line, indent > 0 ? [StyledSpan(String(repeating: " ", count: indent), style)] : [])
        }
    }

    /// Columns of indentation repeated on the continuation rows of a sanitised line: its leading
    /// spaces, when they leave at least half the width to write in.
    static func hangingIndent(_ line: [StyledSpan], width: Int) -> Int {
        var indent = 0
        for span in line {
            let utf8 = span.text.utf8
            var spaces = utf8.prefix { $0 == 0x20 }.count
            if spaces > 0, spaces < utf8.count, utf8[utf8.index(utf8.startIndex, offsetBy: spaces)] >= 0x80 {
                spaces = span.text.prefix { $0 == " " }.count  // a combining mark joins the last space
            }
            indent += spaces
            if spaces < utf8.count { break }
        }
        return indent <= width / 2 ? indent : 0
    }

    /// Splits spans at newlines into the spans of each line.
    static func logicalLines(_ spans: [StyledSpan]) -> [[StyledSpan]] {
        var lines: [[StyledSpan]] = [[]]
        for span in spans {
            var first = true
            for part in span.text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if !first { lines.append([]) }
                first = false
                if !part.isEmpty { lines[lines.count - 1].append(StyledSpan(String(Substring(part)), span.style)) }
            }
        }
        return lines
    }
}
