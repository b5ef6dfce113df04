/// Terminal display width of text, measured per grapheme cluster (extended grapheme = Swift
/// `Character`). The one width function of Ponder: wrapping, the editor cursor, truncation and
/// screen-buffer writes all call it.
///
/// Rules: ASCII printable = 1; East Asian Wide and Fullwidth = 2; emoji presentation = 2; a
/// regional indicator = 1; a cluster of several scalars is as wide as the pieces it is drawn as
/// (`pieces(of:)`: a flag 2, a skin-toned emoji 4, a ZWJ family the sum of its members, ⚠️ and
/// keycaps 1), which is what ncurses, glibc and tmux agree on; a cluster made only of combining
/// marks or default-ignorable scalars = 0; C0/C1 controls = 0 (they must be sanitised before they
/// reach the screen).
public enum DisplayWidth {
    /// Width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if first.value < 0x7F && scalars.count == 1 {
            return first.value >= 0x20 ? 1 : 0
        }
        if scalars.count > 1 { return widthOfPieces(scalars) }
        return width(of: first)
    }

    /// Width of a string: the sum of its clusters' widths.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for unit in text.utf8 where unit >= 0x80 || unit < 0x20 || unit == 0x7F {
            total = -1
            break
        }
        if total == 0 { return text.utf8.count }
        total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Width of a single scalar leading a cluster.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        // What every frame draws most after ASCII, answered without Unicode property lookups (the
        // same answers: `commonRanges` is checked against `measuredWidth(of:)` in the tests).
        for (range, width) in commonRanges where range.contains(value) { return width }
        return measuredWidth(of: scalar)
    }

    /// Blocks whose every scalar has one width: dashes, quotes and ellipsis; arrows; box drawing and
    /// block elements (pane borders, the map strip); CJK ideographs and Hangul syllables.
    static let commonRanges: [(ClosedRange<UInt32>, Int)] = [
        (0x2010...0x2027, 1), (0x2190...0x21FF, 1), (0x2500...0x259F, 1), (0x4E00...0x9FFF, 2), (0xAC00...0xD7A3, 2),
    ]

    /// Width of a scalar from its Unicode properties and the wide blocks.
    static func measuredWidth(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if isZeroWidth(scalar) { return 0 }
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }  // regional indicators, as glibc and tmux
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return scalar.value != 0x00AD  // soft hyphen shows as a hyphen in most terminals
        default:
            break
        }
        switch scalar.value {
        case 0x1160...0x11FF: return true  // Hangul jungseong/jongseong join the previous syllable
        case 0x200B: return true
        default: return false
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        for range in wideRanges where range.contains(value) { return true }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks that matter in terminals.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,  // CJK Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK Compatibility Ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, Kana supplement
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD,  // CJK Extension B and later
        0x30000...0x3FFFD,
    ]
}
