import PonderCore
import Testing

/// The SSE parser test vectors of the protocol reference (§9.3).
@Suite struct SSEDecoderTests {
    /// Feeds `chunks` and returns the delivered events.
    func events(_ chunks: [[UInt8]]) throws -> [SSEEvent] {
        var decoder = SSEDecoder()
        var out: [SSEEvent] = []
        for chunk in chunks {
            for item in try decoder.feed(chunk) {
                if case .event(let event) = item { out.append(event) }
            }
        }
        return out
    }

    func data(_ text: String) throws -> [String] {
        try events([Array(text.utf8)]).map(\.data)
    }

    @Test func basicVectors() throws {
        #expect(try data("data: hello\n\n") == ["hello"])  // 1
        #expect(try data("data:hello\n\n") == ["hello"])  // 2
        #expect(try data("data:\ttest\rdata: \ndata:test\n\n") == ["\ttest\n\ntest"])  // 3
        #expect(try data("data:  2\n\n") == [" 2"])  // 4
        #expect(try data("data: a\ndata: b\n\n") == ["a\nb"])  // 5
        #expect(try data("data:\n\ndata\ndata\n\ndata:test\n\n") == ["", "\n", "test"])  // 6
        #expect(try data("data:test\r\ndata\ndata:test\r\n\r\n") == ["test\n\ntest"])  // 7
    }

    @Test func commentsOfAnyLength() throws {  // 8
        let long = String(repeating: "x", count: 2048)
        let text = "data:1\r:\0\n:\r\ndata:2\n:\(long)\rdata:3\n:data:fail\r:\(long)\ndata:4\n\n"
        #expect(try data(text) == ["1\n2\n3\n4"])
    }

    @Test func fieldParsing() throws {  // 9
        let text =
            "data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n data:32\ndata:4\n\n"
        #expect(try data(text) == ["\0\n 2\n1\n3\n\n4"])
    }

    @Test func unknownFields() throws {  // 10
        #expect(
            try data("data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test\n\n") == [
                "test\n\ntest"
            ])
    }

    @Test func byteOrderMarks() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        // 11: only the first BOM is stripped.
        let second = bom + Array("data:1\n\n".utf8) + bom + Array("data:2\n\ndata:3\n\n".utf8)
        #expect(try events([second]).map(\.data) == ["1", "3"])
        // 12: two BOMs at the start.
        #expect(try events([bom + bom + Array("data:1\n\ndata:2\n\ndata:3\n\n".utf8)]).map(\.data) == ["2", "3"])
        // 13: a BOM split across chunks.
        #expect(try events([[0xEF], [0xBB, 0xBF] + Array("data:1\n\ndata:2\n\n".utf8)]).map(\.data) == ["1", "2"])
        // 14: a UTF-16 BOM is not honoured.
        #expect(try events([[0xFF, 0xFE] + Array("data:1\n\ndata:2\n\n".utf8)]).map(\.data) == ["2"])
    }

    @Test func alwaysUTF8AndNulKept() throws {
        // 15: always UTF-8.
        #expect(try events([Array("data:ok".utf8) + [0xE2, 0x80, 0xA6] + Array("\n\n".utf8)]).map(\.data) == ["ok…"])
        #expect(try data("data:\0\n\n") == ["\0"])  // 16
    }

    @Test func eventTypes() throws {
        let empty = try events([Array("event: \ndata:data\n\n".utf8)])  // 17
        #expect(empty.map(\.type) == ["message"])
        #expect(empty.map(\.data) == ["data"])
        let named = try events([Array("event:test\ndata:x\n\n".utf8)])  // 18
        #expect(named.map(\.type) == ["test"])
        #expect(try data("event: add\n\n").isEmpty)  // 24
    }

    @Test func retryField() throws {
        var decoder = SSEDecoder()
        let items = try decoder.feed(Array("retry:2000\nretry:1000x\ndata:x\n\n".utf8))  // 19
        #expect(items == [.event(SSEEvent(data: "x"))])
        #expect(decoder.reconnectionTime == 2000)
        #expect(try data("retry\ndata:test\n\n") == ["test"])  // 20
    }

    @Test func lastEventID() throws {
        let delivered = try events([Array("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n".utf8)])  // 21
        #expect(delivered.map(\.lastEventID) == ["1", "1", ""])
        let withNul = try events([Array("id: x\0\ndata: a\n\n".utf8)])  // 22
        #expect(withNul.map(\.lastEventID) == [""])
    }

    @Test func unfinishedEventIsDiscarded() throws {  // 23
        var decoder = SSEDecoder()
        let items = try decoder.feed(Array("retry:1000\ndata:test1\n\nid:test\ndata:test2".utf8))
        #expect(items == [.event(SSEEvent(data: "test1"))])
        #expect(decoder.lastEventID == "")
    }

    @Test func providerKeepAlivesAreComments() throws {  // 25
        var decoder = SSEDecoder()
        let items = try decoder.feed(Array(": keep-alive\n\n: OPENROUTER PROCESSING\n\n:\n\ndata: x\n\n".utf8))
        #expect(items == [.comment, .comment, .comment, .event(SSEEvent(data: "x"))])
    }

    @Test func lineEndsSplitAcrossChunks() throws {
        #expect(try events([Array("data: a\r".utf8), Array("\n\r\n".utf8)]).map(\.data) == ["a"])  // 26
        #expect(try events([Array("data: a\r".utf8), Array("data: b\r\r".utf8)]).map(\.data) == ["a\nb"])  // 27
    }

    @Test func spaceBeforeColonMakesAnotherField() throws {  // 28
        #expect(try data("data : x\n\n").isEmpty)
    }

    @Test func oneByteChunks() throws {  // 29
        let bytes = Array("data: {\"a\":1}".utf8).map { [$0] } + [Array("\n\n".utf8)]
        #expect(try events(bytes).map(\.data) == ["{\"a\":1}"])
    }

    @Test func lineSeparatorInsideJSONIsKept() throws {  // 30
        #expect(try data("data: \u{2028} inside JSON string\n\n") == ["\u{2028} inside JSON string"])
    }

    @Test func doneIsDeliveredAsData() throws {  // 31
        #expect(try data("data: [DONE]\n\n") == ["[DONE]"])
    }

    @Test func oversizedEventFails() throws {
        var decoder = SSEDecoder(maximumEventSize: 64)
        #expect(throws: SSEDecoder.EventTooLarge.self) {
            try decoder.feed(Array(("data: " + String(repeating: "y", count: 100) + "\n\n").utf8))
        }
    }
}
