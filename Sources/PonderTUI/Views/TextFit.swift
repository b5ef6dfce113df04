import PonderCore

/// Wrapping short interface strings (empty-state text) into a number of columns; cutting one
/// to a width is `DisplayWidth.truncate`. Message text goes through PonderCore's text shaping.
enum TextFit {
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
            line += wordWidth > width ? DisplayWidth.truncate(String(word), width: width) : String(word)
            used += min(wordWidth, width)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
