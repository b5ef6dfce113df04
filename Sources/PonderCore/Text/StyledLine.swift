/// One screen line of rendered text: styled spans that together fit the width the line was
/// rendered for, plus metadata about where the line came from.
public struct StyledLine: Hashable, Sendable {
    public var spans: [StyledSpan]
    /// Index (from 0, in document order) of the code block this line belongs to, frame included;
    /// `nil` outside code blocks. Lets a view offer "copy code block n".
    public var codeBlock: Int?

    public init(_ spans: [StyledSpan] = [], codeBlock: Int? = nil) {
        self.spans = spans
        self.codeBlock = codeBlock
    }

    /// An empty line.
    public static let empty = StyledLine()

    /// The line's characters without styles.
    public var text: String {
        if spans.count == 1 { return spans[0].text }
        var result = ""
        for span in spans { result += span.text }
        return result
    }

    /// Width of the line in terminal columns.
    public var displayWidth: Int {
        var total = 0
        for span in spans { total += span.displayWidth }
        return total
    }

    /// Appends a span, merging it into the last one when the styles match.
    public mutating func append(_ span: StyledSpan) {
        guard !span.text.isEmpty else { return }
        if let last = spans.last, last.style == span.style {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    /// Appends text in a style.
    public mutating func append(_ text: String, _ style: TextStyle) {
        append(StyledSpan(text, style))
    }

    /// Removes trailing spaces (of any style), dropping spans left empty.
    public mutating func trimTrailingSpaces() {
        while let last = spans.last {
            var text = last.text
            while text.last == " " { text.removeLast() }
            if text.isEmpty {
                spans.removeLast()
            } else {
                spans[spans.count - 1].text = text
                return
            }
        }
    }
}
