/// The fenced code blocks of a markdown text (``` or ~~~ fences, as CommonMark opens and
/// closes them), with their language, for copying one to the clipboard. A block still open at
/// the end (a stream cut short) runs to the end of the text.
public struct CodeBlock: Hashable, Sendable {
    /// The info string's first word (`swift`, `python`), or empty.
    public var language: String
    /// The code, without the fences, ending without a newline.
    public var code: String

    public init(language: String, code: String) {
        self.language = language
        self.code = code
    }

    /// Every fenced code block of `markdown`, in order.
    public static func all(in markdown: String) -> [CodeBlock] {
        var blocks: [CodeBlock] = []
        var open: (fence: Character, length: Int, indent: Int, language: String)?
        var lines: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if let current = open {
                let run = rest.prefix { $0 == current.fence }.count
                if indent < 4 && run >= current.length && rest.dropFirst(run).allSatisfy(\.isWhitespace) {
                    blocks.append(CodeBlock(language: current.language, code: lines.joined(separator: "\n")))
                    open = nil
                    lines = []
                } else {
                    lines.append(Self.removingIndent(line, upTo: current.indent))
                }
                continue
            }
            guard indent < 4, let fence = rest.first, fence == "`" || fence == "~" else { continue }
            let run = rest.prefix { $0 == fence }.count
            let info = rest.dropFirst(run)
            guard run >= 3, fence == "~" || !info.contains("`") else { continue }
            let language = info.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
            open = (fence, run, indent, language)
        }
        if let current = open, !lines.isEmpty {
            blocks.append(CodeBlock(language: current.language, code: lines.joined(separator: "\n")))
        }
        return blocks
    }

    /// The line without up to `count` leading spaces (the opening fence's indentation).
    private static func removingIndent(_ line: Substring, upTo count: Int) -> Substring {
        line.dropFirst(min(count, line.prefix { $0 == " " }.count))
    }
}
