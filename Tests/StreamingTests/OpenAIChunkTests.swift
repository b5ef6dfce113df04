import Testing

@testable import PonderCore

/// `OpenAIChunk` reads a chunk without building its objects; it must accept, reject and read every
/// text exactly as parsing the whole tree with the same keys and then looking the members up does.
@Suite struct OpenAIChunkTests {
    /// What the decoder read from the tree before the chunk was walked instead: the same lookups.
    static func fromTree(_ bytes: [UInt8], keys: JSONKeySet) -> Result<OpenAIChunk, JSONValue.ParseError> {
        do {
            let json = try JSONValue.parse(bytes, keeping: keys)
            var chunk = OpenAIChunk(usage: json["usage"], error: json["error"], message: json["message"])
            if let choice = json["choices"]?[0], case .object = choice {
                func text(_ value: JSONValue?) -> OpenAIChunk.Text? {
                    guard let value else { return nil }
                    return OpenAIChunk.Text(
                        reasoningContent: value["reasoning_content"]?.nonEmptyString,
                        reasoning: value["reasoning"]?.nonEmptyString, content: value["content"]?.nonEmptyString,
                        reasoningDetails: value["reasoning_details"]?.arrayValue)
                }
                chunk.choice = OpenAIChunk.Choice(
                    delta: text(choice["delta"]), message: text(choice["message"]),
                    finishReason: choice["finish_reason"]?.stringValue)
            }
            return .success(chunk)
        } catch {
            return .failure(error)
        }
    }

    static func walked(_ bytes: [UInt8], keys: JSONKeySet) -> Result<OpenAIChunk, JSONValue.ParseError> {
        do {
            return .success(try OpenAIChunk.parse(bytes, keys: keys))
        } catch {
            return .failure(error)
        }
    }

    static let keySets = [OpenAIChunkDecoder.keys, OpenAIChunkDecoder.keysWithDetails]

    /// Chunks as providers send them, and the odd shapes a server could send.
    static let chunks: [String] = [
        #"{"id":"1","object":"chat.completion.chunk","created":1738000000,"model":"deepseek-reasoner","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"Let"},"logprobs":null,"finish_reason":null}]}"#,
        #"{"id":"1","choices":[{"index":0,"delta":{"content":" the answer","reasoning_content":null},"finish_reason":null}],"usage":null}"#,
        #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":340,"completion_tokens_details":{"reasoning_tokens":300},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":12}}"#,
        #"{"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7,"prompt_tokens_details":{"cached_tokens":3}}}"#,
        #"{"choices":[{"delta":{"reasoning":"step","reasoning_details":[{"type":"reasoning.text","text":"step","index":0,"format":"x"}]}}]}"#,
        #"{"error":{"message":"Rate limit exceeded","code":429}}"#,
        #"{"error":"overloaded"}"#,
        #"{"message":"upstream went away","type":"error"}"#,
        #"{"choices":[{"finish_reason":"error","delta":{"content":""}}],"error":null}"#,
        #"{"choices":[{"message":{"content":"whole answer","reasoning_content":"whole thought"},"finish_reason":"length"}]}"#,
        // Repeated members count by their last value.
        #"{"choices":[{"delta":{"content":"a"}}],"choices":[{"delta":{"content":"b"}}]}"#,
        #"{"choices":[{"delta":{"content":"a"},"delta":null,"message":{"content":"m"}}]}"#,
        #"{"choices":[{"delta":{"content":"a","content":null,"reasoning":"r","reasoning":"s"}}]}"#,
        #"{"choices":[{"delta":{"content":"a"}}],"choices":{"0":{"delta":{"content":"b"}}}}"#,
        // Values of other types than expected.
        #"{"choices":[{"delta":"text","message":{"content":"m"}}]}"#,
        #"{"choices":[{"delta":["a"],"finish_reason":7}]}"#,
        #"{"choices":["first",{"delta":{"content":"second"}}]}"#,
        #"{"choices":[{"delta":{"content":"first"}},{"delta":{"content":"second"}}]}"#,
        #"{"choices":{"delta":{"content":"c"}}}"#,
        #"{"choices":null,"usage":[1,2]}"#,
        #"{"choices":[{"delta":{"content":42,"reasoning_content":true,"reasoning_details":{"type":"x"}}}]}"#,
        // Escapes in names and values, nesting and numbers in skipped members.
        #"{"choices":[{"delta":{"con\u0074ent":"escaped name","content":"line\nbreak \u00e9 \ud83e\udd14 \"q\""}}]}"#,
        #"{"x":{"y":[{"z":[[[{"content":"deep"}]]]}]},"choices":[{"delta":{"content":"after"}}]}"#,
        #"{"created":-0,"n":0123,"f":1.5e3,"big":12345678901234567890,"neg":-42,"choices":[]}"#,
        #"{"usage":{"prompt_tokens":-0,"completion_tokens":999999999999999,"reasoning_tokens":1e2}}"#,
        #"  {"choices" : [ { "delta" : { "content" : "spaced" } } ] }  "#,
        #"{}"#, #"[]"#, #"[{"choices":[]}]"#, #""just a string""#, #"null"#, #"17"#, #"true"#,
        // Malformed.
        #"{"created":1e400,"choices":[]}"#,
        #"{"choices":[{"delta":{"content":"bad \q escape"}}]}"#,
        #"{"skipped":"bad \q escape","choices":[]}"#,
        #"{"choices":[{"delta":{"content":"a"}}]} trailing"#,
        #"{"choices":[{"delta":{"content":"a"}},]}"#,
        #"{"choices":[{"delta":{"content":"a"},}]}"#,
        #"{"choices" [1]}"#, #"{choices:[]}"#, #"{"n":-}"#, #"{"n":+1}"#, #"{"n":1.}"#, #"{"t":tru}"#, "",
        "{\"choices\":[{\"delta\":{\"content\":\"tab\there\"}}]}",
    ]

    @Test(arguments: chunks)
    func aWalkedChunkReadsAsTheTree(text: String) {
        for keys in Self.keySets {
            let bytes = Array(text.utf8)
            #expect(Self.walked(bytes, keys: keys) == Self.fromTree(bytes, keys: keys), "\(text)")
        }
    }

    /// Every cut of a chunk is read the same way (most fail, and with the same message and offset).
    @Test(arguments: chunks.prefix(12))
    func everyTruncationReadsAsTheTree(text: String) {
        let bytes = Array(text.utf8)
        for keys in Self.keySets {
            for end in 0..<bytes.count {
                let cut = Array(bytes[..<end])
                #expect(Self.walked(cut, keys: keys) == Self.fromTree(cut, keys: keys), "\(text) cut at \(end)")
            }
        }
    }

    /// Every chunk with one byte replaced by each byte that JSON gives a meaning to.
    @Test(arguments: chunks.prefix(12))
    func everyOneByteChangeReadsAsTheTree(text: String) {
        let bytes = Array(text.utf8)
        let replacements = Array(#"{}[]:,"\ 0-.eE9tnu"#.utf8)
        for keys in Self.keySets {
            for position in bytes.indices {
                for replacement in replacements where replacement != bytes[position] {
                    var changed = bytes
                    changed[position] = replacement
                    #expect(
                        Self.walked(changed, keys: keys) == Self.fromTree(changed, keys: keys),
                        "\(String(decoding: changed, as: UTF8.self))")
                }
            }
        }
    }

    /// Both paths share the parser's loops, so the errors themselves are pinned too: what went wrong
    /// and where, including the nesting limit reached inside a chunk.
    @Test func malformedChunksFailWithTheirReasonAndOffset() {
        let deep = #"{"choices":[{"delta":{"content":"#, closing = "}}]}"
        let nested = deep + String(repeating: "[", count: 600) + closing
        let cases: [(String, Int, String)] = [
            (#"{"n":-}"#, 6, "invalid number"),
            (#"{"choices":[{"delta":{"content":"cut"#, 36, "unterminated string"),
            (#"{"choices":[{"delta":{"content":"a"}},]}"#, 38, "unexpected character"),
            (#"{"choices" [1]}"#, 11, "expected ':'"),
            (#"{"created":1e400}"#, 16, "number out of range"),
            (#"{"choices":[]} x"#, 15, "unexpected text after the value"),
            (nested, deep.utf8.count + 508, "nesting too deep"),
        ]
        for (text, offset, reason) in cases {
            let expected = JSONValue.ParseError(offset: offset, reason: reason)
            #expect(Self.walked(Array(text.utf8), keys: OpenAIChunkDecoder.keys) == .failure(expected), "\(text)")
        }
    }

    /// Whole numbers are read without `Double(String)`; they must come out as it gives them, sign of
    /// zero included, inside an array and as the whole document.
    @Test func wholeNumbersReadAsDoubleParsesThem() throws {
        let texts = [
            "0", "-0", "7", "-7", "0123", "-00", "999999999999999", "-999999999999999", "1000000000000000",
            "9007199254740993", "123456789012345678901234567890", "1.0", "-0.0", "1e3", "12E-1",
        ]
        for text in texts {
            let expected = try #require(Double(text))
            for parsed in [try JSONValue.parse("[\(text)]")[0], try JSONValue.parse(text)] {
                guard case .number(let value) = parsed else {
                    Issue.record("\(text) did not parse as a number")
                    continue
                }
                #expect(value.bitPattern == expected.bitPattern, "\(text)")
            }
        }
    }
}
