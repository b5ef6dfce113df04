import Foundation
import PonderCore
import Testing

/// JSON values, line splitting, proxy settings and HTTP error messages.
@Suite struct SupportTypeTests {
    @Test func jsonRoundTrip() throws {
        let text = #"{"a":[1,2.5,-3e2,true,false,null],"b":"x\"y\\z\n\u00e9\ud83d\ude00\u2028","c":{}}"#
        let value = try JSONValue.parse(text)
        #expect(value["a"]?[1] == .number(2.5))
        #expect(value["a"]?[2] == .number(-300))
        #expect(value["b"] == .string("x\"y\\z\né😀\u{2028}"))
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test func jsonPartialParseKeepsOnlyNamedMembers() throws {
        let text = #"{"id":"x\"y","skip":{"a":[1,{"b":2}]},"keep":{"inner":1,"other":"z"},"n":null}"#
        let value = try JSONValue.parse(Array(text.utf8), keeping: JSONKeySet(["keep", "inner"]))
        #expect(value == ["keep": ["inner": 1]])
        #expect(throws: JSONValue.ParseError.self) {
            try JSONValue.parse(Array(#"{"skip":"unterminated}"#.utf8), keeping: JSONKeySet(["keep"]))
        }
    }

    @Test func jsonRejectsBrokenText() {
        for text in ["", "{", "{\"a\":}", "[1,]", "\"abc", "tru", "{\"a\":1} x", "[\"\u{01}\"]"] {
            #expect(throws: JSONValue.ParseError.self, "\(text)") { try JSONValue.parse(text) }
        }
    }

    @Test func lineSplitterJoinsSplitCodePointsAndCRLF() throws {
        var splitter = LineSplitter(terminators: .crOrLF)
        let bytes = Array("é🤔\r\nnext\rlast\n".utf8)
        var lines: [String] = []
        for byte in bytes { lines += try splitter.lines([byte]) }
        #expect(lines == ["é🤔", "next", "last"])
    }

    @Test func lineSplitterLineFeedModeDropsCR() throws {
        var splitter = LineSplitter(terminators: .lineFeed)
        #expect(try splitter.lines(Array("a\r".utf8)) == [])
        #expect(try splitter.lines(Array("\nb\rc\n".utf8)) == ["a", "b\rc"])
    }

    @Test func lineSplitterCapsLines() {
        var splitter = LineSplitter(terminators: .lineFeed, maximumLineLength: 8)
        #expect(throws: LineSplitter.LineTooLong.self) {
            _ = try splitter.lines(Array("0123".utf8))
            _ = try splitter.lines(Array("456789".utf8))
        }
    }

    @Test func proxyFromEnvironment() {
        let proxy = ProxySettings(environment: [
            "https_proxy": "http://user:p%40ss@proxy.corp:3128",
            "HTTPS_PROXY": "http://ignored:1",
            "NO_PROXY": "localhost,.internal.example, 10.0.0.5:8080",
        ])
        #expect(proxy.https == .init(host: "proxy.corp", port: 3128, username: "user", password: "p@ss"))
        #expect(proxy.proxy(scheme: "https", host: "api.deepseek.com", port: 443) != nil)
        #expect(proxy.proxy(scheme: "https", host: "localhost", port: 443) == nil)
        #expect(proxy.proxy(scheme: "https", host: "llm.internal.example", port: 443) == nil)
        #expect(proxy.proxy(scheme: "https", host: "10.0.0.5", port: 8080) == nil)
        #expect(proxy.proxy(scheme: "https", host: "10.0.0.5", port: 9090) != nil)
        #expect(proxy.proxy(scheme: "http", host: "api.deepseek.com", port: 80) == nil)
        #expect(
            ProxySettings(environment: ["NO_PROXY": "*", "HTTPS_PROXY": "p:1"]).proxy(
                scheme: "https", host: "x", port: 443) == nil)
    }

    @Test func httpErrorsSayWhatToDo() {
        let settings = ProviderSettings(
            name: "deepseek", kind: .deepseek, baseURL: "https://api.deepseek.com", model: "deepseek-reasoner",
            apiKey: APIKey(value: "sk-0123456789", source: "the DEEPSEEK_API_KEY environment variable"))
        let body = Array(
            #"{"error":{"message":"Authentication Fails, Your api key: sk-0123456789 is invalid","type":"authentication_error"}}"#
                .utf8)
        let error = ChatError.fromHTTP(status: 401, body: body, settings: settings)
        #expect(error.kind == .unauthorized)
        #expect(error.message.contains("DEEPSEEK_API_KEY"))
        #expect(!error.message.contains("sk-0123456789"))
        #expect(error.message.contains("Authentication Fails"))
        let balance = ChatError.fromHTTP(
            status: 402, body: Array(#"{"error":{"message":"Insufficient Balance"}}"#.utf8), settings: settings)
        #expect(balance.kind == .insufficientBalance)
        #expect(balance.message.contains("Top up"))
        #expect(ChatError.fromHTTP(status: 503, body: [], settings: settings).isRetryable)
        #expect(!ChatError.fromHTTP(status: 422, body: [], settings: settings).isRetryable)
    }
}
