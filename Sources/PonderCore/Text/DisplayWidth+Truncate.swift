extension DisplayWidth {
    /// `text` in at most `width` columns, ending in "…" when something was cut, or when
    /// `continues` says the text goes on beyond what was given.
    public static func truncate(_ text: String, width: Int, continues: Bool = false) -> String {
        guard width > 0 else { return "" }
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {  // one column per byte
            if !continues && text.utf8.count <= width { return text }
            var result = Substring(text.utf8.prefix(width - 1))
            while result.last == " " { result.removeLast() }
            return result + "…"
        }
        if !continues && of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let glyph = of(character)
            if used + glyph > width - 1 { break }
            result.append(character)
            used += glyph
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }
}
