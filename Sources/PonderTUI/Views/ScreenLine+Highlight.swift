import Foundation

extension ScreenLine {
    /// The line with every case-insensitive occurrence of `query` drawn in `style` (matches
    /// within one row; the text of a row is at most a screen wide, so this stays cheap); the
    /// occurrence numbered `current` (from 0, left to right) in `currentStyle`.
    func highlighting(_ query: String, style: Style, current: Int? = nil, currentStyle: Style? = nil) -> ScreenLine {
        guard !query.isEmpty else { return self }
        let text = pieces.map(\.text).joined()
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        while start < text.endIndex,
            let range = text.range(
                of: query, options: [.caseInsensitive, .diacriticInsensitive], range: start..<text.endIndex),
            !range.isEmpty
        {
            ranges.append(range)
            start = range.upperBound
        }
        guard !ranges.isEmpty else { return self }
        var result: [(text: String, style: Style)] = []
        var pieceStart = text.startIndex
        for piece in pieces {
            let pieceEnd = text.utf8.index(pieceStart, offsetBy: piece.text.utf8.count)
            var cursor = pieceStart
            for (number, range) in ranges.enumerated()
            where range.lowerBound < pieceEnd && range.upperBound > pieceStart {
                let lower = max(range.lowerBound, pieceStart)
                let upper = min(range.upperBound, pieceEnd)
                if cursor < lower { result.append((String(text[cursor..<lower]), piece.style)) }
                result.append((String(text[lower..<upper]), number == current ? currentStyle ?? style : style))
                cursor = upper
            }
            if cursor < pieceEnd { result.append((String(text[cursor..<pieceEnd]), piece.style)) }
            pieceStart = pieceEnd
        }
        return ScreenLine(result)
    }
}
