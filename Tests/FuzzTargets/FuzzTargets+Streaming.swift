import Foundation
import PonderCore

/// The stream decoding layers: bytes to lines, SSE events, provider JSON and `<think>` splitting.
/// Each is fed the input whole and cut into pieces; both must give the same result.
extension FuzzTargets {
    static let lineSplitter = FuzzTarget(
        name: "line-splitter", seeds: ["a\nb\r\nc", "\u{FEFF}x\ny\n", "\r\r\n\n\rz", "", "no end"],
        dictionary: ["\n", "\r\n", "\r", "\u{FEFF}"]
    ) { bytes in
        var input = FuzzInput(bytes)
        let seed = input.number(in: 0...255)
        let maximum = input.number(in: 1...32)
        let data = input.rest
        func lines(_ pieces: [ArraySlice<UInt8>]) -> [[UInt8]]? {
            var splitter = LineSplitter(
                terminators: seed % 2 == 0 ? .lineFeed : .crOrLF, maximumLineLength: 4096,
                stripsByteOrderMark: seed & 2 != 0)
            var out: [[UInt8]] = []
            var tooLong = false
            for piece in pieces where !tooLong {
                piece.withUnsafeBytes { buffer in
                    do {
                        try splitter.feed(buffer) { out.append(Array($0)) }
                    } catch {
                        tooLong = true
                    }
                }
            }
            if tooLong { return nil }
            if let last = splitter.finish() { out.append(last) }
            return out
        }
        let whole = lines([data[...]])
        let split = lines(FuzzInput.pieces(of: data, seed: seed, maximum: maximum))
        FuzzTarget.check(whole == split, "lines differ when the input arrives in pieces")
        for line in whole ?? [] {
            FuzzTarget.check(!line.contains(0x0A), "a line holds a newline")
        }
    }

    static let sseDecoder = FuzzTarget(
        name: "sse-decoder",
        seeds: [
            "data: {\"a\":1}\n\n", "event: ping\ndata: x\n\n: keep-alive\n\n", "data: a\ndata: b\r\n\r\n",
            "id: 7\nretry: 100\ndata:x\n\n", "data: [DONE]\n\n",
        ],
        dictionary: ["data: ", "event: ", "id: ", "retry: ", ": ", "\n\n", "\r\n", "[DONE]"]
    ) { bytes in
        var input = FuzzInput(bytes)
        let seed = input.number(in: 0...255)
        let maximum = input.number(in: 1...32)
        let data = input.rest
        func items(_ pieces: [ArraySlice<UInt8>]) -> [SSEItem]? {
            var decoder = SSEDecoder(maximumEventSize: 8192)
            var out: [SSEItem] = []
            for piece in pieces {
                do { out += try decoder.feed(Array(piece)) } catch { return nil }
            }
            return out
        }
        let whole = items([data[...]])
        FuzzTarget.check(
            whole == items(FuzzInput.pieces(of: data, seed: seed, maximum: maximum)), "SSE items differ in pieces")
    }

    /// The whole pipeline for one provider's wire format.
    static func responseDecoder(_ name: String, kind: ProviderKind, seeds: [String], dictionary: [String]) -> FuzzTarget
    {
        FuzzTarget(name: name, seeds: seeds, dictionary: dictionary) { bytes in
            var input = FuzzInput(bytes)
            let seed = input.number(in: 0...255)
            let maximum = input.number(in: 1...64)
            let forced = seed & 1 == 1
            let data = input.rest
            func deltas(_ pieces: [ArraySlice<UInt8>]) -> [StreamDelta] {
                var decoder = ResponseStreamDecoder(kind: kind, forcedOpenThink: forced, maximumLineLength: 8192)
                var out: [StreamDelta] = []
                for piece in pieces { out += decoder.feed(Array(piece)) }
                return out + decoder.finish()
            }
            let whole = merged(deltas([data[...]]))
            let split = merged(deltas(FuzzInput.pieces(of: data, seed: seed, maximum: maximum)))
            FuzzTarget.check(whole == split, "\(name): deltas differ when the body arrives in pieces")
        }
    }

    /// Deltas with adjacent text of the same kind joined (pieces may cut text deltas differently).
    static func merged(_ deltas: [StreamDelta]) -> [StreamDelta] {
        var out: [StreamDelta] = []
        for delta in deltas {
            switch (out.last, delta) {
            case (.reasoning(let a)?, .reasoning(let b)): out[out.count - 1] = .reasoning(a + b)
            case (.answer(let a)?, .answer(let b)): out[out.count - 1] = .answer(a + b)
            default: out.append(delta)
            }
        }
        return out
    }

    static let openAIChunks = responseDecoder(
        "openai-chunks", kind: .deepseek,
        seeds: [
            "data: {\"choices\":[{\"delta\":{\"reasoning_content\":\"think\"}}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{\"content\":\"<think>a</think>b\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}\n\ndata: [DONE]\n\n",
            "data: {\"error\":{\"message\":\"boom\",\"code\":500}}\n\n",
            "event: error\ndata: not json\n\n",
            "data: {\"choices\":[{\"delta\":{\"reasoning\":\"r\"},\"finish_reason\":\"error\"}]}\n\n",
        ],
        dictionary: [
            "data: ", "\n\n", "{\"choices\":[{\"delta\":{", "\"content\":", "\"reasoning_content\":",
            "\"finish_reason\":\"stop\"", "[DONE]", "<think>", "</think>", "\\u00", "\\ud83d", "}]}", "\"usage\":",
        ])

    static let anthropicEvents = responseDecoder(
        "anthropic-events", kind: .anthropic,
        seeds: [
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":5}}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":"
                + "{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"x\"}}\n\n",
        ],
        dictionary: [
            "event: ", "data: ", "\n\n", "{\"type\":\"", "content_block_delta", "text_delta", "thinking_delta",
            "redacted_thinking", "message_stop", "ping",
        ])

    static let ollamaLines = responseDecoder(
        "ndjson-ollama", kind: .ollama,
        seeds: [
            "{\"message\":{\"thinking\":\"t\",\"content\":\"\"},\"done\":false}\n"
                + "{\"message\":{\"content\":\"a\"},\"done\":true,\"done_reason\":\"stop\",\"eval_count\":3}\n",
            "{\"error\":\"model crashed\"}\n", "{\"message\":{\"content\":\"<think>x</think>y\"},\"done\":false}",
        ],
        dictionary: ["{\"message\":{", "\"content\":", "\"thinking\":", "\"done\":true", "\n", "<think>", "</think>"])

    static let thinkSplitter = FuzzTarget(
        name: "think-splitter", seeds: ["<think>a</think>b", "<think>open", "plain", "<thi", "</think>x<think>y"],
        dictionary: ["<think>", "</think>", "<", ">", "\n"]
    ) { bytes in
        var input = FuzzInput(bytes)
        let seed = input.number(in: 0...255)
        let maximum = input.number(in: 1...16)
        let text = String(decoding: input.rest, as: UTF8.self)
        func split(_ pieces: [Substring]) -> (reasoning: String, answer: String) {
            var splitter = ThinkTagSplitter(forcedOpen: seed & 1 == 1)
            var reasoning = ""
            var answer = ""
            for piece in pieces.map(String.init).map({ splitter.feed($0) }).joined() + splitter.finish() {
                switch piece {
                case .reasoning(let text): reasoning += text
                case .answer(let text): answer += text
                }
            }
            return (reasoning, answer)
        }
        let whole = split([text[...]])
        let pieces = split(FuzzInput.pieces(of: text, seed: seed, maximum: maximum))
        FuzzTarget.check(whole == pieces, "think splitting differs when the text arrives in pieces")
    }

    static let retryAfter = FuzzTarget(
        name: "retry-after",
        seeds: ["120", "0", "1.5", "Wed, 21 Oct 2026 07:28:00 GMT", "Sunday, 06-Nov-94 08:49:37 GMT"],
        dictionary: ["GMT", ", ", ":", "e", "-", "Mon", "Nov"]
    ) { bytes in
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        guard let seconds = RetryAfter.seconds(String(decoding: bytes, as: UTF8.self), now: now) else { return }
        FuzzTarget.check(seconds.isFinite && seconds >= 0, "a wait of \(seconds) s")
        var machine = RequestStateMachine()
        _ = machine.start()
        _ = machine.failed(ChatError(kind: .rateLimited, message: "slow down"), retryAfter: seconds, at: now)
    }

    static let jsonValue = FuzzTarget(
        name: "json",
        seeds: ["{\"a\":[1,2.5e3,true,null,\"\\u00e9\\ud83d\\ude00\"]}", "[]", "\"x\"", "-0", "{\"a\":{}}"],
        dictionary: ["{", "}", "[", "]", "\"", "\\u", ":", ",", "true", "null", "1e400", "\\ud800"]
    ) { bytes in
        guard let value = try? JSONValue.parse(bytes) else { return }
        let again = try? JSONValue.parse(value.serializedBytes)
        FuzzTarget.check(again == value, "JSON does not survive a round trip through its serialisation")
    }
}
