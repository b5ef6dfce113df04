/// The members of one OpenAI-format chunk that `OpenAIChunkDecoder` reads, taken from its JSON text
/// in one pass: the first choice's text fields and finish reason, and the chunk's `usage`, `error` and
/// `message`. The objects around them are walked, not built, so a token costs no dictionaries.
///
/// A chunk is accepted, rejected and read exactly as `JSONValue.parse(_:keeping:)` with the same keys
/// would: every other member is still checked (one named in the keys is parsed and dropped, any other
/// skipped), a repeated member counts by its last value, and a value of another type than expected
/// reads as missing. `OpenAIChunkTests` compares the two on edge cases and on every truncation.
struct OpenAIChunk: Equatable {
    /// The text members of a choice's `delta` (or `message`); empty strings read as missing.
    struct Text: Equatable {
        var reasoningContent: String?
        var reasoning: String?
        var content: String?
        var reasoningDetails: [JSONValue]?
    }

    /// The first choice. `delta` and `message` are set when present, empty when not objects.
    struct Choice: Equatable {
        var delta: Text?
        var message: Text?
        var finishReason: String?

        /// The choice's text: its `delta`, else its `message`.
        var text: Text? { delta ?? message }
    }

    /// `choices[0]` when it is an object.
    var choice: Choice?
    var usage: JSONValue?
    var error: JSONValue?
    var message: JSONValue?

    /// Reads one chunk. `keys` are the members the decoder keeps (`reasoning_details` is read only
    /// when they include it).
    static func parse(_ bytes: [UInt8], keys: JSONKeySet) throws(JSONValue.ParseError) -> OpenAIChunk {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONValue.ParseError) in
            var parser = JSONByteParser(bytes: buffer)
            parser.keys = keys
            return try parser.parseOpenAIChunk()
        }
    }
}

extension JSONByteParser {
    fileprivate mutating func parseOpenAIChunk() throws(JSONValue.ParseError) -> OpenAIChunk {
        var chunk = OpenAIChunk()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
            try forEachKeptMember { parser, rawName throws(JSONValue.ParseError) in
                if parser.isName(rawName, "choices") {
                    chunk.choice = try parser.parseFirstChoice()
                } else if parser.isName(rawName, "usage") {
                    chunk.usage = try parser.parseValue()
                } else if parser.isName(rawName, "error") {
                    chunk.error = try parser.parseValue()
                } else if parser.isName(rawName, "message") {
                    chunk.message = try parser.parseValue()
                } else {
                    return false
                }
                return true
            }
        } else {
            _ = try parseValue()
        }
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the value") }
        return chunk
    }

    /// The first element of a `choices` value, when it is an array whose first element is an object.
    private mutating func parseFirstChoice() throws(JSONValue.ParseError) -> OpenAIChunk.Choice? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            _ = try parseValue()
            return nil
        }
        var first: OpenAIChunk.Choice?
        try forEachElement { parser, position throws(JSONValue.ParseError) in
            if position == 0, parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") {
                first = try parser.parseChoice()
            } else {
                _ = try parser.parseValue()
            }
        }
        return first
    }

    private mutating func parseChoice() throws(JSONValue.ParseError) -> OpenAIChunk.Choice {
        var choice = OpenAIChunk.Choice()
        try forEachKeptMember { parser, rawName throws(JSONValue.ParseError) in
            if parser.isName(rawName, "delta") {
                choice.delta = try parser.parseText()
            } else if parser.isName(rawName, "message") {
                choice.message = try parser.parseText()
            } else if parser.isName(rawName, "finish_reason") {
                choice.finishReason = try parser.parseValue().stringValue
            } else {
                return false
            }
            return true
        }
        return choice
    }

    private mutating func parseText() throws(JSONValue.ParseError) -> OpenAIChunk.Text {
        var text = OpenAIChunk.Text()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            _ = try parseValue()
            return text
        }
        try forEachKeptMember { parser, rawName throws(JSONValue.ParseError) in
            if parser.isName(rawName, "reasoning_content") {
                text.reasoningContent = try parser.parseValue().nonEmptyString
            } else if parser.isName(rawName, "reasoning") {
                text.reasoning = try parser.parseValue().nonEmptyString
            } else if parser.isName(rawName, "content") {
                text.content = try parser.parseValue().nonEmptyString
            } else if parser.isName(rawName, "reasoning_details") {
                text.reasoningDetails = try parser.parseValue().arrayValue
            } else {
                return false
            }
            return true
        }
        return text
    }
}
