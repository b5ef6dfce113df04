import PonderCore

/// Fitting short interface strings (titles, labels, notices) into a number of columns.
/// Message text goes through PonderCore's text shaping instead.
enum TextFit {
    /// `text` cut to `width` columns, ending in "…" when something was cut.
    static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let glyphWidth = DisplayWidth.of(character)
            if used + glyphWidth > width - 1 { break }
            result.append(character)
            used += glyphWidth
        }
        return result + "…"
    }

    /// Words of `text` greedily packed into lines of at most `width` columns (an over-long
    /// word is truncated).
    static func wrapWords(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ") {
            let wordWidth = DisplayWidth.of(word)
            if used > 0 && used + 1 + wordWidth > width {
                lines.append(line)
                line = ""
                used = 0
            }
            if used > 0 {
                line += " "
                used += 1
            }
            line += wordWidth > width ? truncate(String(word), width: width) : String(word)
            used += min(wordWidth, width)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
