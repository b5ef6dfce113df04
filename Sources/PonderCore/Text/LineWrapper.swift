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
public enum LineWrapper {
    public enum Mode: Sendable {
        case words
        case characters
    }

    public static func wrap(
        _ spans: [StyledSpan], width: Int, firstPrefix: [StyledSpan] = [], continuationPrefix: [StyledSpan] = [],
        mode: Mode = .words
    ) -> [StyledLine] {
        var builder = Builder(width: width, firstPrefix: firstPrefix, continuationPrefix: continuationPrefix)
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
        return builder.finish()
    }

    /// Wraps plain text in one style.
    public static func wrap(_ text: String, width: Int, style: TextStyle = .plain, mode: Mode = .words) -> [StyledLine]
    {
        wrap([StyledSpan(text, style)], width: width, mode: mode)
    }
}

extension LineWrapper {
    /// Fills lines greedily.
    struct Builder {
        let width: Int
        let continuationPrefix: [StyledSpan]
        var lines: [StyledLine] = []
        var current = StyledLine()
        var column = 0
        var available: Int
        var hasContent = false
        var keepsLeadingSpaces = true
        var pendingSpaces: [Atom] = []
        var pendingWidth = 0

        init(width: Int, firstPrefix: [StyledSpan], continuationPrefix: [StyledSpan]) {
            self.width = width
            self.continuationPrefix = continuationPrefix
            available = 1
            startLine(prefix: firstPrefix)
        }

        mutating func startLine(prefix: [StyledSpan]) {
            current = StyledLine()
            var prefixWidth = 0
            for span in prefix {
                current.append(span)
                prefixWidth += span.displayWidth
            }
            available = max(1, width - prefixWidth)
            column = 0
            hasContent = false
            pendingSpaces.removeAll(keepingCapacity: true)
            pendingWidth = 0
        }

        mutating func endLine() {
            current.trimTrailingSpaces()
            lines.append(current)
            startLine(prefix: continuationPrefix)
        }

        mutating func forceBreak() {
            endLine()
            keepsLeadingSpaces = true
        }

        mutating func space(_ atom: Atom) {
            if hasContent || !keepsLeadingSpaces {
                if hasContent {
                    pendingSpaces.append(atom)
                    pendingWidth += atom.width
                }
                return
            }
            // Leading indentation: kept, as far as the line allows.
            for character in atom.text {
                if column >= available { break }
                current.append(String(character), atom.style)
                column += 1
            }
        }

        mutating func word(_ unit: ArraySlice<Atom>, width unitWidth: Int) {
            if hasContent {
                if column + pendingWidth + unitWidth <= available {
                    for space in pendingSpaces { current.append(String(space.text), space.style) }
                    column += pendingWidth
                } else {
                    endLine()
                    keepsLeadingSpaces = false
                }
                pendingSpaces.removeAll(keepingCapacity: true)
                pendingWidth = 0
            } else if column > 0, column + unitWidth > available, unitWidth <= available {
                endLine()  // indentation left too little room: the word goes on a fresh line
                keepsLeadingSpaces = false
            }
            if column + unitWidth <= available {
                for atom in unit { current.append(String(atom.text), atom.style) }
                column += unitWidth
                hasContent = true
                return
            }
            for atom in unit {  // wider than the line: break between clusters
                for character in atom.text {
                    let characterWidth = DisplayWidth.of(character)
                    if column + characterWidth > available, column > 0 {
                        endLine()
                        keepsLeadingSpaces = false
                    }
                    current.append(String(character), atom.style)
                    column += characterWidth
                    hasContent = true
                }
            }
        }

        mutating func finish() -> [StyledLine] {
            current.trimTrailingSpaces()
            lines.append(current)
            return lines
        }
    }
}
