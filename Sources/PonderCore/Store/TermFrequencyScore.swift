/// A bm25-style relevance computed from the text itself, for ranking a window of candidates
/// when a query matches too many rows for the index's own bm25 (which costs the index a full
/// pass over every match). Terms are matched case-insensitively as substrings, like the
/// trigram index does; a text missing any term scores nil.
enum TermFrequencyScore {
    /// bm25's usual saturation and length-normalisation constants.
    static let saturation = 1.2
    static let lengthWeight = 0.75

    /// The lowercased UTF-8 bytes of each term, computed once per query.
    static func needles(for terms: [String]) -> [[UInt8]] {
        terms.map { Array($0.lowercased().utf8) }
    }

    /// The score of `text` for `needles`, where `length` is the text's size in UTF-8 bytes and
    /// `averageLength` the mean size of the texts being compared.
    static func score(lowercasedText text: [UInt8], needles: [[UInt8]], averageLength: Double) -> Double? {
        let normalisedLength = 1 - lengthWeight + lengthWeight * Double(text.count) / max(averageLength, 1)
        var score = 0.0
        for needle in needles {
            let frequency = Double(occurrences(of: needle, in: text))
            if frequency == 0 { return nil }
            score += frequency * (saturation + 1) / (frequency + saturation * normalisedLength)
        }
        return score
    }

    /// How many non-overlapping times `needle` occurs in `haystack`.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard let first = needle.first, needle.count <= haystack.count else { return 0 }
        var count = 0
        var index = 0
        let lastStart = haystack.count - needle.count
        haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { pattern in
                while index <= lastStart {
                    if text[index] == first {
                        var matched = 1
                        while matched < pattern.count && text[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count {
                            count += 1
                            index += pattern.count
                            continue
                        }
                    }
                    index += 1
                }
            }
        }
        return count
    }
}
