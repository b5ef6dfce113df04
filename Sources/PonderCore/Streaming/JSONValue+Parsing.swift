/// Parsing JSON text (UTF-8 bytes) into `JSONValue`.
extension JSONValue {
    /// Why a document could not be parsed, with the byte offset where it went wrong.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// Parses one complete JSON document; leading and trailing whitespace is allowed.
    public static func parse(_ text: String) throws(ParseError) -> JSONValue {
        let parsed = text.utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ParseError) in try parse(buffer) }
        }
        if let parsed { return try parsed.get() }
        return try parse(Array(text.utf8))
    }

    /// Parses one complete JSON document from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(ParseError) in try parse(buffer) }
    }

    /// Parses a document keeping only object members named in `keys` (at any depth); other members
    /// are checked for well-formedness and skipped.
    public static func parse(_ bytes: [UInt8], keeping keys: JSONKeySet) throws(ParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(ParseError) in
            var parser = JSONByteParser(bytes: buffer)
            parser.keys = keys
            return try parser.parseDocument()
        }
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> JSONValue {
        var parser = JSONByteParser(bytes: bytes)
        let value = try parser.parseDocument()
        return value
    }
}

/// A recursive-descent JSON parser over a byte buffer. Its member and element loops and its value
/// steps are open to the module, for readers that walk a document without building it (`OpenAIChunk`).
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    var keys: JSONKeySet?
    static let maximumDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONValue.ParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the value") }
        return value
    }

    func fail(_ reason: String) -> JSONValue.ParseError {
        JSONValue.ParseError(offset: index, reason: reason)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONValue.ParseError) -> JSONValue {
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONValue.ParseError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end of input") }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] {
            throw fail("invalid literal")
        }
        index += count
    }

    private mutating func enter() throws(JSONValue.ParseError) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("nesting too deep") }
    }

    private mutating func parseObject() throws(JSONValue.ParseError) -> JSONValue {
        var members: [String: JSONValue] = [:]
        try forEachMember { parser, name, _ throws(JSONValue.ParseError) in
            if let name {
                members[name] = try parser.parseValue()
            } else {
                try parser.skipValue()
            }
        }
        return .object(members)
    }

    /// Walks the object that starts at `index`, calling `member` with the parser at each member's
    /// value, which `member` must parse or skip. The name comes decoded when `keys` keeps it (or there
    /// are no keys), nil otherwise; `rawName` is where its bytes are, escapes undecoded, which is
    /// what `keys` matches.
    mutating func forEachMember(
        _ member: (inout JSONByteParser, _ name: String?, _ rawName: Range<Int>) throws(JSONValue.ParseError) -> Void
    ) throws(JSONValue.ParseError) {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let keyStart = index
            var name: String?
            if let keys {
                try skipValue()
                if keys.contains(UnsafeBufferPointer(rebasing: bytes[(keyStart + 1)..<(index - 1)])) {
                    index = keyStart
                    name = try parseString()
                }
            } else {
                name = try parseString()
            }
            let rawName = (keyStart + 1)..<(index - 1)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            try member(&self, name, rawName)
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    /// Walks the object that starts at `index` as `forEachMember` does, handing `read` each member that
    /// `keys` keeps, by its raw name. A kept member that `read` leaves (returning false) is parsed and
    /// dropped and any other member skipped, so the object is checked as the tree parser checks it.
    mutating func forEachKeptMember(
        _ read: (inout JSONByteParser, _ rawName: Range<Int>) throws(JSONValue.ParseError) -> Bool
    ) throws(JSONValue.ParseError) {
        try forEachMember { parser, name, rawName throws(JSONValue.ParseError) in
            if name == nil {
                try parser.skipValue()
            } else if try !read(&parser, rawName) {
                _ = try parser.parseValue()
            }
        }
    }

    /// Whether the member name at `rawName` is `name`, byte for byte.
    func isName(_ rawName: Range<Int>, _ name: StaticString) -> Bool {
        guard rawName.count == name.utf8CodeUnitCount else { return false }
        let start = name.utf8Start
        for offset in 0..<rawName.count where bytes[rawName.lowerBound + offset] != start[offset] { return false }
        return true
    }

    private mutating func parseArray() throws(JSONValue.ParseError) -> JSONValue {
        var elements: [JSONValue] = []
        try forEachElement { parser, _ throws(JSONValue.ParseError) in elements.append(try parser.parseValue()) }
        return .array(elements)
    }

    /// Walks the array that starts at `index`, calling `element` with the parser at each element
    /// (and its position), which `element` must parse or skip.
    mutating func forEachElement(
        _ element: (inout JSONByteParser, _ position: Int) throws(JSONValue.ParseError) -> Void
    ) throws(JSONValue.ParseError) {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            skipWhitespace()
            try element(&self, position)
            position += 1
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    /// Moves past one value without building it (still rejecting malformed text).
    mutating func skipValue() throws(JSONValue.ParseError) {
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return
                }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte < 0x20 {
                    throw fail("control character in string")
                }
                index += 1
            }
            throw fail("unterminated string")
        default:
            _ = try parseValue()
        }
    }

    private mutating func parseNumber() throws(JSONValue.ParseError) -> Double {
        let start = index
        if let integer = parseSmallInteger() { return integer }
        index = start
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw fail("invalid number") }
        // No JSON text can stand for an infinity: 1e400 is out of range, not a number to write back.
        guard value.isFinite else { throw fail("number out of range") }
        return value
    }

    /// A number written as up to 15 digits with an optional minus and nothing else (the counts and
    /// timestamps of provider chunks), read without `Double(String)`: every such integer is exact in
    /// a `Double`, so the value is the one `Double(String)` gives. Nil for any other number.
    private mutating func parseSmallInteger() -> Double? {
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var value: Int64 = 0
        var digits = 0
        while index < bytes.count, digits <= 15, bytes[index] &- UInt8(ascii: "0") < 10 {
            value = value * 10 + Int64(bytes[index] &- UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard (1...15).contains(digits), index == bytes.count || !Self.isNumberByte(bytes[index]) else { return nil }
        return negative ? -Double(value) : Double(value)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    private mutating func parseString() throws(JSONValue.ParseError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return value
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in string") }
            index += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try parseEscape(into: &scratch)
            default:
                if byte < 0x20 { throw fail("control character in string") }
                scratch.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func parseEscape(into scratch: inout [UInt8]) throws(JSONValue.ParseError) {
        guard index < bytes.count else { throw fail("unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try parseHex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(scalar) {
                scalar = 0xFFFD
            }
            let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            scratch.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw fail("invalid escape")
        }
    }

    private mutating func parseHex4() throws(JSONValue.ParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short unicode escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid unicode escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
