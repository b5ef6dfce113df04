/// The phrases that make a sentence a reflection point, and their kinds: the built-in lists of
/// `Resources/trace-markers.toml` (compiled in), extended, trimmed or replaced by the `[trace]`
/// table of the config file.
///
/// A phrase matches at a sentence start, ignoring case (simple lowercase mapping, so Latin,
/// Greek and Cyrillic fold too). A space in a phrase matches a run of spaces or tabs (or none
/// after a comma), "," also matches "，" and "'" also matches "’". A phrase that ends in a letter
/// or digit of a script written with spaces must end a word there ("check" never matches
/// "checksum", "but" never "button"); phrases in Chinese or Japanese need no word end. When
/// several phrases match, the longest wins.
public struct TraceMarkers: Equatable, Sendable {
    /// One phrase and the kind of point it marks.
    public struct Marker: Equatable, Hashable, Sendable {
        public var phrase: String
        public var kind: ReflectionKind

        public init(_ phrase: String, _ kind: ReflectionKind) {
            self.phrase = phrase
            self.kind = kind
        }
    }

    /// What matched at a sentence start.
    struct Match: Equatable {
        var marker: Int
        /// Bytes of text the phrase covered.
        var length: Int
    }

    /// The phrases in use, in the order given (duplicates removed).
    public let markers: [Marker]
    /// Each phrase folded into scalars; 0x20 stands for "spaces".
    private let patterns: [[UInt32]]
    private let needsWordEnd: [Bool]
    /// Pattern indices by first folded scalar, longest pattern first.
    private let byFirstScalar: [UInt32: [Int]]
    /// Bytes of text a match may read from a sentence start (phrase, spaces, word-end check).
    let window: Int

    /// Longest phrase accepted, in UTF-8 bytes: matching looks this far ahead of a sentence start.
    public static let maximumPhraseBytes = 64

    public init(_ markers: [Marker]) {
        var seen: Set<[UInt32]> = []
        var kept: [Marker] = []
        var patterns: [[UInt32]] = []
        for marker in markers {
            let pattern = Self.pattern(marker.phrase)
            guard !pattern.isEmpty, marker.phrase.utf8.count <= Self.maximumPhraseBytes,
                seen.insert(pattern).inserted
            else { continue }
            kept.append(marker)
            patterns.append(pattern)
        }
        var index: [UInt32: [Int]] = [:]
        for (position, pattern) in patterns.enumerated() { index[pattern[0], default: []].append(position) }
        for key in index.keys { index[key]!.sort { patterns[$0].count > patterns[$1].count } }
        self.markers = kept
        self.patterns = patterns
        needsWordEnd = patterns.map { Self.isSpacedWordScalar($0.last!) }
        byFirstScalar = index
        window = (kept.map(\.phrase.utf8.count).max() ?? 0) * 2 + 16
    }

    public static func == (lhs: TraceMarkers, rhs: TraceMarkers) -> Bool { lhs.markers == rhs.markers }

    /// The phrase `text` is matched as: folded scalars, whitespace runs collapsed to one space.
    static func pattern(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        for scalar in text.unicodeScalars {
            let value = fold(scalar.value)
            if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D {
                if let last = result.last, last != 0x20 { result.append(0x20) }
            } else {
                result.append(value)
            }
        }
        while result.last == 0x20 { result.removeLast() }
        return result
    }

    /// The phrase that starts `bytes` at `start`, reading no further than `limit` (exclusive).
    func match(_ bytes: [UInt8], at start: Int, limit: Int) -> Match? {
        guard start < limit, let first = UTF8Scalar.decode(bytes, at: start, limit: limit),
            let candidates = byFirstScalar[Self.fold(first.value)]
        else { return nil }
        for candidate in candidates {
            if let length = matchLength(patterns[candidate], wordEnd: needsWordEnd[candidate], bytes, start, limit) {
                return Match(marker: candidate, length: length)
            }
        }
        return nil
    }

    private func matchLength(_ pattern: [UInt32], wordEnd: Bool, _ bytes: [UInt8], _ start: Int, _ limit: Int)
        -> Int?
    {
        var position = start
        var previous: UInt32 = 0
        for expected in pattern {
            if expected == 0x20 {
                var spaces = 0
                while position < limit, bytes[position] == 0x20 || bytes[position] == 0x09 {
                    position += 1
                    spaces += 1
                }
                if spaces == 0 && previous != 0x2C { return nil }
                previous = 0x20
                continue
            }
            guard let scalar = UTF8Scalar.decode(bytes, at: position, limit: limit), Self.fold(scalar.value) == expected
            else { return nil }
            position += scalar.length
            previous = expected
        }
        if wordEnd, let next = UTF8Scalar.decode(bytes, at: position, limit: limit) {
            if Self.isWordScalar(next.value) { return nil }
            if next.value == 0x2D || next.value == 0x27 || next.value == 0x2019,
                let after = UTF8Scalar.decode(bytes, at: position + next.length, limit: limit),
                Self.isWordScalar(after.value)
            {
                return nil  // "so-called", "wait's"
            }
        }
        return position - start
    }

    /// Case folding and the equivalences of the matcher (full-width comma, curly apostrophe).
    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0x00...0x7F: return value
        case 0xFF0C: return 0x2C  // ，
        case 0x2019: return 0x27  // ’
        case 0x3000: return 0x20  // ideographic space
        default:
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { return value }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first!.value : value
        }
    }

    /// A letter, digit or combining mark: part of a word.
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// A word character of a script written with spaces between words (so a phrase ending in it
    /// must end a word); Han, kana and other scripts without spaces are excluded.
    static func isSpacedWordScalar(_ value: UInt32) -> Bool {
        guard isWordScalar(value) else { return false }
        switch value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return false
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: return false  // Thai, Lao, Myanmar, Khmer
        default: return true
        }
    }
}
