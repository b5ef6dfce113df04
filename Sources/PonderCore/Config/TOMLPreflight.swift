/// A look at config text before TOMLKit parses it, for the inputs its parser cannot take: a table
/// header (`[…]` or `[[…]]` at the start of a statement) whose name starts with a character no key
/// can start with, such as `[}name]`, and a `}` where an array expects a value, such as `[1, }`.
/// The parser (toml++) assumes neither can happen: debug builds stop the whole process on an
/// assertion, release builds go on under a false assumption. Both were found by fuzzing the config
/// reader.
enum TOMLPreflight {
    struct Trap: Equatable {
        /// 1-based.
        var line: Int
        var message: String
    }

    /// The first such input in `text`, or nil when it has none.
    static func firstTrap(in text: String) -> Trap? {
        var line = 1
        var open: [Unicode.Scalar] = []  // the `[` and `{` of values not yet closed
        var atStatementStart = true
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\n":
                line += 1
                if open.isEmpty { atStatementStart = true }
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
            case "[" where atStatementStart && open.isEmpty:
                if scalars.first == "[" { scalars.removeFirst() }
                while let next = scalars.first, next == " " || next == "\t" { scalars.removeFirst() }
                guard let first = scalars.first, isKeyStart(first) else {
                    return Trap(
                        line: line,
                        message: "a table name must start with a letter, a digit, _, - or a quote")
                }
                // The rest of the header is a key the parser reads (and reports) safely.
                while let next = scalars.first, next != "\n" { scalars.removeFirst() }
            case "[", "{":
                if !atStatementStart { open.append(scalar) }
            case "]":
                if open.last == "[" { open.removeLast() }
            case "}":
                if open.last == "[" { return Trap(line: line, message: "an array holds a } where a value should be") }
                if open.last == "{" { open.removeLast() }
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
