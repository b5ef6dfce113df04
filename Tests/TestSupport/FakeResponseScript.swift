import PonderCore

/// One step of a scripted response body.
enum FakeWrite: Equatable, Sendable {
    case bytes([UInt8])
    /// Wait this many milliseconds before the next step.
    case pause(milliseconds: Int)
    /// Close the connection without ending the body.
    case close
    /// Stop here and keep the connection open.
    case stall
    /// Reset the connection (RST).
    case reset
    /// The bytes of one token were just written: the server logs it with the time.
    case sent(token: String, isReasoning: Bool)
}

/// Wire formats the fake server speaks.
enum FakeWireFormat: Sendable {
    /// DeepSeek / OpenAI chat-completions SSE.
    case openAI
    /// Ollama native NDJSON.
    case ollama
    /// Anthropic Messages SSE.
    case anthropic
}

/// Builds the body of a streamed response for a scenario, as a list of writes.
struct FakeResponseScript {
    let scenario: FakeScenario
    let format: FakeWireFormat
    let model: String
    let lastUserMessage: String
    let promptTokens: Int
    /// The request's credentials header (`authorization` or `x-api-key`), for the key-echo fault.
    var credentials: String?
    /// The request's output limit: the response ends there with a `length` finish.
    let tokenLimit: Int?

    private var newline: String { scenario.crlf ? "\r\n" : "\n" }
    private var writes: [FakeWrite] = []
    private var buffered: [UInt8] = []
    private var tokensSent = 0
    private var reasoningSent = 0

    init(
        scenario: FakeScenario, format: FakeWireFormat, model: String, lastUserMessage: String, promptTokens: Int,
        tokenLimit: Int? = nil
    ) {
        self.scenario = scenario
        self.format = format
        self.model = model
        self.lastUserMessage = lastUserMessage
        self.promptTokens = promptTokens
        self.tokenLimit = tokenLimit
    }

    /// The complete script.
    mutating func build() -> [FakeWrite] {
        writes = []
        buffered = []
        tokensSent = 0
        reasoningSent = 0
        if format == .anthropic { emitAnthropicStart() }
        for _ in 0..<scenario.keepAlivesBeforeFirstToken {
            if format == .ollama { break }
            if format == .anthropic {
                event("ping", ["type": "ping"])
            } else {
                append(": keep-alive" + newline + newline)
            }
            flush()
            writes.append(.pause(milliseconds: scenario.keepAliveIntervalMilliseconds))
        }
        var reasoningCount = scenario.reasoningTokens
        if case .hugeLine = scenario.fault { reasoningCount = max(1, reasoningCount) }
        if reasoningCount > 0, format == .anthropic {
            event(
                "content_block_start",
                ["type": "content_block_start", "index": 0, "content_block": ["type": "thinking", "thinking": ""]])
        }
        for index in 1...max(1, reasoningCount) where reasoningCount > 0 {
            var text = FakeTexts.reasoningToken(index, style: scenario.style)
            if index == 1, case .hugeLine(let bytes) = scenario.fault {
                text = String(repeating: "x", count: bytes)
            }
            if index == 1, scenario.splitMultibyte {
                text = "é🤔 split "
                emitSplitMultibyte(text)
            } else {
                emitReasoning(text)
            }
            reasoningSent += 1
            if stopAfterToken(text, isReasoning: true) { return writes }
        }
        if reasoningCount > 0, format == .openAI, scenario.reasoningDetails {
            data(
                chunk(
                    delta: [
                        "reasoning_details": [
                            ["type": "reasoning.text", "signature": "c2lnbmVkLWJ5LWZha2U=", "index": 0]
                        ]
                    ], finish: nil))
        }
        let answers = FakeTexts.answerTokens(
            count: scenario.answerTokens, style: scenario.style, lastUserMessage: lastUserMessage)
        if reasoningCount > 0, format == .anthropic {
            event(
                "content_block_delta",
                [
                    "type": "content_block_delta", "index": 0,
                    "delta": ["type": "signature_delta", "signature": "ZmFrZS1zaWduYXR1cmU="],
                ])
            event("content_block_stop", ["type": "content_block_stop", "index": 0])
        }
        if !answers.isEmpty, format == .anthropic {
            event(
                "content_block_start",
                ["type": "content_block_start", "index": 1, "content_block": ["type": "text", "text": ""]])
        }
        for text in answers {
            emitAnswer(text)
            if stopAfterToken(text, isReasoning: false) { return writes }
        }
        if !answers.isEmpty, format == .anthropic {
            event("content_block_stop", ["type": "content_block_stop", "index": 1])
        }
        emitEnd(reasoning: reasoningCount, answer: answers.count)
        flush()
        return writes
    }

    /// Applies the output limit, the token-count faults and pacing after each token; true when the
    /// script ends here.
    private mutating func stopAfterToken(_ text: String, isReasoning: Bool) -> Bool {
        tokensSent += 1
        if let tokenLimit, tokensSent >= tokenLimit {
            if format == .anthropic {
                let open = reasoningSent == tokensSent ? 0 : 1
                event("content_block_stop", ["type": "content_block_stop", "index": .number(Double(open))])
            }
            emitEnd(reasoning: reasoningSent, answer: tokensSent - reasoningSent, limited: true)
            flush()
            return true
        }
        let paced = scenario.tokensPerSecond.map { $0 > 0 } ?? false
        if paced || scenario.chunkPerToken {
            flush()
            writes.append(.sent(token: text, isReasoning: isReasoning))
        }
        switch scenario.fault {
        case .closeAfter(let tokens) where tokensSent >= tokens:
            flush()
            writes.append(.close)
            return true
        case .resetAfter(let tokens) where tokensSent >= tokens:
            flush()
            writes.append(.pause(milliseconds: 150))
            writes.append(.reset)
            return true
        case .invalidUTF8(let tokens) where tokensSent == tokens:
            flush()
            let marker = "@@not-utf8@@"
            emitReasoning("bytes " + marker + " here ")
            if let range = buffered.firstRange(of: Array(marker.utf8)) {
                buffered.replaceSubrange(range, with: FakeScenario.invalidUTF8Bytes)
            }
            flush()
            return false
        case .inBandErrorEchoingKey(let tokens) where tokensSent >= tokens:
            let echoed = "Invalid request header: \(credentials ?? "none")"
            switch format {
            case .openAI:
                data(["error": ["message": .string(echoed), "type": "invalid_request_error"]])
            case .ollama:
                line(["error": .string(echoed)])
            case .anthropic:
                event(
                    "error", ["type": "error", "error": ["type": "invalid_request_error", "message": .string(echoed)]])
            }
            flush()
            return true
        case .stallAfter(let tokens) where tokensSent >= tokens:
            flush()
            writes.append(.stall)
            return true
        case .malformedLine(let tokens) where tokensSent >= tokens:
            switch format {
            case .openAI, .anthropic: append("data: {\"choices\":[{\"delta\":{\"content\":\"oops" + newline + newline)
            case .ollama: append("{\"message\":{\"content\":" + newline)
            }
            flush()
            return true
        case .inBandError(let tokens) where tokensSent >= tokens:
            switch format {
            case .openAI:
                data(["error": ["message": "Upstream provider overloaded", "code": 502]])
            case .ollama:
                line(["error": "model runner has unexpectedly stopped"])
            case .anthropic:
                event("error", ["type": "error", "error": ["type": "overloaded_error", "message": "Overloaded"]])
            }
            flush()
            return true
        default:
            if let rate = scenario.tokensPerSecond, rate > 0 {
                writes.append(.pause(milliseconds: max(1, Int(1000 / rate))))
            } else if buffered.count >= 16_384 {
                flush()
            }
            return false
        }
    }

    private mutating func emitReasoning(_ text: String) {
        switch format {
        case .openAI where scenario.reasoningDetails:
            let fragment: JSONValue = [
                "type": "reasoning.text", "text": .string(text), "index": 0, "format": "anthropic-claude-v1",
            ]
            data(
                chunk(
                    delta: ["content": nil, "reasoning": .string(text), "reasoning_details": [fragment]], finish: nil))
        case .openAI:
            data(chunk(delta: ["content": nil, "reasoning_content": .string(text)], finish: nil))
        case .ollama:
            line([
                "model": .string(model), "created_at": "2026-01-01T00:00:00Z",
                "message": ["role": "assistant", "content": "", "thinking": .string(text)], "done": false,
            ])
        case .anthropic:
            event(
                "content_block_delta",
                [
                    "type": "content_block_delta", "index": 0,
                    "delta": ["type": "thinking_delta", "thinking": .string(text)],
                ])
        }
    }

    private mutating func emitAnswer(_ text: String) {
        switch format {
        case .openAI:
            data(chunk(delta: ["content": .string(text), "reasoning_content": nil], finish: nil))
        case .ollama:
            line([
                "model": .string(model), "created_at": "2026-01-01T00:00:00Z",
                "message": ["role": "assistant", "content": .string(text)], "done": false,
            ])
        case .anthropic:
            event(
                "content_block_delta",
                ["type": "content_block_delta", "index": 1, "delta": ["type": "text_delta", "text": .string(text)]])
        }
    }

    /// Writes the token's line in two writes, splitting inside its first multibyte character.
    private mutating func emitSplitMultibyte(_ text: String) {
        flush()
        emitReasoning(text)
        let bytes = buffered
        buffered = []
        let marker = Array("é".utf8)
        var cut = bytes.count / 2
        if let start = bytes.firstRange(of: marker)?.lowerBound { cut = start + 1 }
        writes.append(.bytes(Array(bytes[..<cut])))
        writes.append(.pause(milliseconds: 30))
        writes.append(.bytes(Array(bytes[cut...])))
    }

    private mutating func emitEnd(reasoning: Int, answer: Int, limited: Bool = false) {
        let completion = reasoning + answer
        let hit = (promptTokens / 2) / 64 * 64
        switch (format, scenario.fault) {
        case (_, .noEndMarker):
            return
        case (.openAI, _):
            let usage: JSONValue = [
                "prompt_tokens": .number(Double(promptTokens)), "completion_tokens": .number(Double(completion)),
                "total_tokens": .number(Double(promptTokens + completion)),
                "prompt_tokens_details": ["cached_tokens": .number(Double(hit))],
                "completion_tokens_details": ["reasoning_tokens": .number(Double(reasoning))],
                "prompt_cache_hit_tokens": .number(Double(hit)),
                "prompt_cache_miss_tokens": .number(Double(promptTokens - hit)),
            ]
            let finish = limited ? "length" : scenario.fault == .noFinishReason ? nil : "stop"
            var last = chunk(delta: ["content": "", "reasoning_content": nil], finish: finish)
            if case .object(var members) = last {
                members["usage"] = usage
                last = .object(members)
            }
            data(last)
            if scenario.fault != .noDone { append("data: [DONE]" + newline + newline) }
        case (.ollama, _):
            var last: JSONValue = [
                "model": .string(model), "created_at": "2026-01-01T00:00:00Z",
                "message": ["role": "assistant", "content": ""], "done": true,
                "done_reason": limited ? "length" : "stop",
                "total_duration": 1_000_000, "prompt_eval_count": .number(Double(promptTokens)),
                "eval_count": .number(Double(completion)),
            ]
            if scenario.fault == .noFinishReason, case .object(var members) = last {
                members["done_reason"] = nil
                last = .object(members)
            }
            line(last)
        case (.anthropic, _):
            event(
                "message_delta",
                [
                    "type": "message_delta",
                    "delta": [
                        "stop_reason": limited ? "max_tokens" : scenario.fault == .noFinishReason ? nil : "end_turn",
                        "stop_sequence": nil,
                    ],
                    "usage": ["output_tokens": .number(Double(completion))],
                ])
            if scenario.fault != .noDone { event("message_stop", ["type": "message_stop"]) }
        }
    }

    private mutating func emitAnthropicStart() {
        event(
            "message_start",
            [
                "type": "message_start",
                "message": [
                    "id": "msg_fake", "type": "message", "role": "assistant", "model": .string(model), "content": [],
                    "stop_reason": nil, "usage": ["input_tokens": .number(Double(promptTokens)), "output_tokens": 1],
                ],
            ])
    }

    private func chunk(delta: JSONValue, finish: String?) -> JSONValue {
        [
            "id": "fake-0e96", "object": "chat.completion.chunk", "created": 1_764_042_665, "model": .string(model),
            "system_fingerprint": "fp_fake",
            "choices": [
                ["index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish.map { .string($0) } ?? nil]
            ],
        ]
    }

    private mutating func data(_ json: JSONValue) {
        append("data: " + json.serialized + newline + newline)
    }

    private mutating func event(_ name: String, _ json: JSONValue) {
        append("event: " + name + newline + "data: " + json.serialized + newline + newline)
    }

    private mutating func line(_ json: JSONValue) {
        append(json.serialized + newline)
    }

    private mutating func append(_ text: String) {
        buffered.append(contentsOf: text.utf8)
    }

    private mutating func flush() {
        guard !buffered.isEmpty else { return }
        writes.append(.bytes(buffered))
        buffered = []
    }
}
