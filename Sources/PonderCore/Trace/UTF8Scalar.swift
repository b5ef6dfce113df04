/// Decoding one Unicode scalar from raw UTF-8 bytes, for scanners that walk bytes and must not
/// read past a limit (the end of what has arrived, or of a line).
enum UTF8Scalar {
    /// The scalar at `start` and its length in bytes; nil when `start` is at `limit` or the
    /// sequence is cut by `limit`. Invalid bytes decode as U+FFFD, one byte long.
    static func decode(_ bytes: [UInt8], at start: Int, limit: Int) -> (value: UInt32, length: Int)? {
        guard start < limit else { return nil }
        let lead = bytes[start]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = sequenceLength(lead)
        guard length > 1 else { return (0xFFFD, 1) }
        guard start + length <= limit else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[start + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    /// Bytes of the sequence a lead byte starts (1 for ASCII and for bytes that lead nothing).
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }
}
