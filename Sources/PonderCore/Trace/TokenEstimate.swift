/// Token counts estimated from text, for traces whose provider reports no count (or none yet, while
/// streaming) and for the size of single steps. DeepSeek documents about 0.3 tokens per English
/// character and 0.6 per Chinese character; the estimate uses exactly that: 0.3 per ASCII
/// byte, 0.6 per other character. Counts are kept in tenths of a token (`units`), one value
/// per UTF-8 byte, so any prefix of a text can be counted as it streams.
public enum TokenEstimate {
    /// Tenths of a token for one UTF-8 byte: 3 for ASCII, 6 for a lead byte, 0 for the rest of a
    /// multi-byte character.
    @inline(__always)
    static func units(_ byte: UInt8) -> Int {
        byte < 0x80 ? 3 : (byte >= 0xC0 ? 6 : 0)
    }

    /// Tenths of a token of `text`.
    public static func units<S: Sequence<UInt8>>(of bytes: S) -> Int {
        var total = 0
        for byte in bytes { total += units(byte) }
        return total
    }

    /// Estimated tokens of `text`.
    public static func tokens(_ text: String) -> Int {
        tokens(units: units(of: text.utf8))
    }

    /// Whole tokens from tenths, rounded.
    public static func tokens(units: Int) -> Int { (units + 5) / 10 }
}
