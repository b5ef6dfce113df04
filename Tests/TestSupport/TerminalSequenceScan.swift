/// Splits bytes a full-screen program wrote to a terminal into its text and its control sequences,
/// each sequence named by its shape: numbers in parameters become `#` (so every cursor position is
/// one shape), SGR is one shape whatever its attributes, and private mode sets (`ESC [ ? … h`) keep
/// their numbers (each mode is its own shape). Shapes seen on a plain run are what the terminal
/// library writes for the terminal type; a hostile run may write no other.
public struct TerminalSequenceScan {
    /// The bytes between sequences, with carriage returns and newlines (movement a terminal
    /// library writes, and that no sanitised text carries) left in.
    public var text: [UInt8] = []
    /// How often each shape occurred.
    public var shapes: [String: Int] = [:]

    public init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B {
                let (shape, length) = Self.escape(bytes, at: index)
                shapes[shape, default: 0] += 1
                index += length
            } else if byte < 0x20 && byte != 0x0A && byte != 0x0D {
                shapes["C0 " + Self.hex(byte), default: 0] += 1
                index += 1
            } else {
                text.append(byte)
                index += 1
            }
        }
    }

    /// The shape of the escape sequence at `start` and its length in bytes.
    static func escape(_ bytes: [UInt8], at start: Int) -> (shape: String, length: Int) {
        guard start + 1 < bytes.count else { return ("ESC at the end", 1) }
        let kind = bytes[start + 1]
        switch kind {
        case UInt8(ascii: "["):
            var index = start + 2
            var parameters: [UInt8] = []
            while index < bytes.count, (0x20...0x3F).contains(bytes[index]) {
                parameters.append(bytes[index])
                index += 1
            }
            guard index < bytes.count, (0x40...0x7E).contains(bytes[index]) else {
                return ("CSI unterminated", index - start)
            }
            let final = Character(Unicode.Scalar(bytes[index]))
            let text = String(decoding: parameters, as: UTF8.self)
            if final == "m" { return ("CSI SGR", index - start + 1) }
            if let first = text.first, "<=>?".contains(first) { return ("CSI \(text)\(final)", index - start + 1) }
            return ("CSI \(generalized(text))\(final)", index - start + 1)
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            // A string sequence (OSC, DCS, APC, PM, SOS): never written by the library for text.
            return ("string ESC \(Character(Unicode.Scalar(kind)))", 2)
        default:
            var index = start + 1
            while index < bytes.count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
            guard index < bytes.count, (0x30...0x7E).contains(bytes[index]) else {
                return ("ESC followed by \(hex(bytes[index < bytes.count ? index : start]))", max(1, index - start))
            }
            return ("ESC " + String(decoding: bytes[(start + 1)...index], as: UTF8.self), index - start + 1)
        }
    }

    /// Parameters with each run of digits replaced by `#`.
    static func generalized(_ parameters: String) -> String {
        var result = ""
        for character in parameters {
            if character.isASCII && character.isNumber {
                if result.last != "#" { result.append("#") }
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
