/// A look at config text before TOMLKit parses it, for the one input its parser cannot take: a
/// table header (`[…]` or `[[…]]` at the start of a statement) whose name starts with a character
/// no key can start with, such as `[}name]`. The parser stops the whole process there (an assertion
/// in toml++) instead of reporting an error. Found by fuzzing the config reader.
enum TOMLPreflight {
    /// The 1-based line of such a header, or nil when the text has none.
    static func brokenTableHeader(in text: String) -> Int? {
        var line = 1
        var depth = 0  // open `[` and `{` of values
        var atStatementStart = true
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\n":
                line += 1
                if depth == 0 { atStatementStart = true }
                continue
            case " ", "\t", "\r":
                continue
            case "#":
                while let next = scalars.first, next != "\n" { scalars.removeFirst() }
                continue
            case "\"", "'":
                let tripled = scalars.starts(with: [scalar, scalar])
                if tripled { scalars.removeFirst(2) }
                line += skipString(&scalars, quote: scalar, multiline: tripled)
            case "[" where atStatementStart && depth == 0:
                if scalars.first == "[" { scalars.removeFirst() }
                while let next = scalars.first, next == " " || next == "\t" { scalars.removeFirst() }
                guard let first = scalars.first, isKeyStart(first) else { return line }
                // The rest of the header is a key the parser reads (and reports) safely.
                while let next = scalars.first, next != "\n" { scalars.removeFirst() }
            case "[", "{":
                if !atStatementStart { depth += 1 }
            case "]", "}":
                depth = max(0, depth - 1)
            default:
                break
            }
            atStatementStart = false
        }
        return nil
    }

    /// Characters a TOML key (bare or quoted) can start with.
    static func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'": return true
        default: return false
        }
    }

    /// Skips past the end of a string that started just before `scalars`; returns the newlines it held.
    private static func skipString(_ scalars: inout Substring.UnicodeScalarView, quote: Unicode.Scalar, multiline: Bool)
        -> Int
    {
        var newlines = 0
        while let scalar = scalars.popFirst() {
            if scalar == "\n" {
                newlines += 1
                if !multiline { return newlines }
            } else if scalar == "\\" && quote == "\"" {
                if scalars.first == "\n" { newlines += 1 }
                _ = scalars.popFirst()
            } else if scalar == quote {
                if !multiline { return newlines }
                if scalars.starts(with: [quote, quote]) {
                    scalars.removeFirst(2)
                    return newlines
                }
            }
        }
        return newlines
    }
}
