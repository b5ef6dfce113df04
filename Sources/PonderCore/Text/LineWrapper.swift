/// Wraps styled text to a width in terminal columns, measuring each grapheme cluster with
/// `DisplayWidth.of`. Rules:
///
/// - `.words`: lines break at spaces, and between two wide (CJK, emoji) characters or a wide
///   character and its neighbour, except before closing and after opening CJK punctuation. A word
///   wider than the line breaks hard, between clusters. Spaces at a wrap point are dropped;
///   spaces starting the text or following a newline are kept (indentation).
/// - `.characters`: code — breaks anywhere between clusters and keeps every space.
///
/// A newline in a span forces a break. The first line starts with `firstPrefix`, every later
/// line with `continuationPrefix` (e.g. a list item's hanging indent), and the text is wrapped to
/// what the prefix leaves (at least one column). A grapheme cluster is never split.
///
/// `lineCount` runs the same line filling without building any line, for views that only need
/// to know how tall the text is.
public enum LineWrapper {
    public enum Mode: Sendable {
        case words
        case characters
    }

    public static func wrap(
        _ spans: [StyledSpan], width: Int, firstPrefix: [StyledSpan] = [], continuationPrefix: [StyledSpan] = [],
        mode: Mode = .words
    ) -> [StyledLine] {
        var builder = Builder(
            width: width, firstPrefix: firstPrefix, continuationPrefix: continuationPrefix, counting: false)
        fill(&builder, with: spans, mode: mode)
        return builder.finish()
    }

    /// Wraps plain text in one style.
    public static func wrap(_ text: String, width: Int, style: TextStyle = .plain, mode: Mode = .words) -> [StyledLine]
    {
        wrap([StyledSpan(text, style)], width: width, mode: mode)
    }

    /// Number of lines `wrap` would return, without building them.
    public static func lineCount(
        _ spans: [StyledSpan], width: Int, firstPrefix: [StyledSpan] = [], continuationPrefix: [StyledSpan] = [],
        mode: Mode = .words
    ) -> Int {
        var builder = Builder(
            width: width, firstPrefix: firstPrefix, continuationPrefix: continuationPrefix, counting: true)
        fill(&builder, with: spans, mode: mode)
        return builder.lineCount + 1
    }

    /// Feeds the atoms of `spans` to `builder`, keeping unbreakable runs of word atoms together.
    private static func fill(_ builder: inout Builder, with spans: [StyledSpan], mode: Mode) {
        let atoms = Atom.split(spans, mode: mode)
        var index = 0
        while index < atoms.count {
            let atom = atoms[index]
            switch atom.kind {
            case .newline:
                builder.forceBreak()
                index += 1
            case .space:
                builder.space(atom)
                index += 1
            case .word:
                var end = index + 1
                var unitWidth = atom.width
                while end < atoms.count, atoms[end].kind == .word, !atoms[end].breakBefore {
                    unitWidth += atoms[end].width
                    end += 1
                }
                builder.word(atoms[index..<end], width: unitWidth)
                index = end
            }
        }
    }
}
