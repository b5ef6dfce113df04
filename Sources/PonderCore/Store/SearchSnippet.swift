import Foundation

/// A one-line excerpt around a search match, with the matched terms marked.
public struct SearchSnippet: Equatable, Hashable, Sendable {
    /// The excerpt on one line (line breaks become spaces); starts or ends with "…" when cut.
    public var text: String
    /// The matched terms inside `text`, as Character offsets.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// Characters of context kept before the first match and in total.
    static let leadingContext = 40
    static let maximumLength = 160

    /// Cuts an excerpt of `text` around `match` and marks every occurrence of `terms` in it.
    init(text: String, around match: Range<String.Index>?, terms: [String]) {
        let start: String.Index
        if let match {
            start =
                text.index(match.lowerBound, offsetBy: -Self.leadingContext, limitedBy: text.startIndex)
                ?? text.startIndex
        } else {
            start = text.startIndex
        }
        let end = text.index(start, offsetBy: Self.maximumLength, limitedBy: text.endIndex) ?? text.endIndex
        var excerpt = String(
            text[start..<end].map { character -> Character in character.isNewline ? " " : character })
        if start > text.startIndex { excerpt = "…" + excerpt }
        if end < text.endIndex { excerpt += "…" }
        self.init(text: excerpt, highlights: Self.occurrences(of: terms, in: excerpt))
    }

    /// Character ranges of every case-insensitive occurrence of any term, sorted and merged.
    static func occurrences(of terms: [String], in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for term in terms where !term.isEmpty {
            var searchStart = text.startIndex
            while let found = text.range(of: term, options: .caseInsensitive, range: searchStart..<text.endIndex) {
                let lower = text.distance(from: text.startIndex, to: found.lowerBound)
                ranges.append(lower..<(lower + text.distance(from: found.lowerBound, to: found.upperBound)))
                searchStart = found.upperBound
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
