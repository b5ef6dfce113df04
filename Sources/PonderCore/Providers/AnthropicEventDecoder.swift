/// Decodes Anthropic Messages API stream events: `thinking_delta` is reasoning, `text_delta` answer,
/// `redacted_thinking` blocks become a short visible note in the reasoning (their data is opaque),
/// `ping` is a keep-alive, `message_delta` carries the stop reason and cumulative usage,
/// `message_stop` ends the response and `event: error` is an in-band error. The thinking and redacted
/// blocks are also collected whole — text, `signature_delta` and data — and reported as
/// `.providerReasoning` just before the end, so that they can be sent back unaltered.
struct AnthropicEventDecoder: Sendable {
    static let redactedNote = "[Part of the reasoning was redacted by the provider.]\n"
    private var usage = TokenUsage()
    private var stopReason: FinishReason?
    private var blocks = AnthropicThinkingBlocks()

    /// Returns true when the event ended the response.
    mutating func decode(_ event: SSEEvent, into out: inout [StreamDelta]) -> Bool {
        let json: JSONValue
        do {
            json = try JSONValue.parse(event.dataBytes)
        } catch {
            if event.type == "error" {
                out.append(.failed(.inBand(event.data)))
            } else {
                out.append(.failed(.malformed(error.description)))
            }
            return true
        }
        let type = json["type"]?.stringValue ?? event.type
        switch type {
        case "ping":
            out.append(.keepAlive)
        case "error":
            let error = json["error"] ?? json
            let kind = error["type"]?.stringValue
            let message = error["message"]?.stringValue ?? "unknown error"
            out.append(.failed(.inBand(kind.map { "\(message) (\($0))" } ?? message)))
            return true
        case "message_start":
            if let reported = json["message"]?["usage"] { merge(reported, into: &out) }
        case "content_block_start":
            blocks.start(json["content_block"], at: json["index"]?.intValue)
            if json["content_block"]?["type"]?.stringValue == "redacted_thinking" {
                out.append(.reasoning(Self.redactedNote))
            } else if let text = json["content_block"]?["thinking"]?.nonEmptyString {
                out.append(.reasoning(text))
            } else if let text = json["content_block"]?["text"]?.nonEmptyString {
                out.append(.answer(text))
            }
        case "content_block_delta":
            let delta = json["delta"]
            switch delta?["type"]?.stringValue {
            case "thinking_delta":
                if let text = delta?["thinking"]?.nonEmptyString {
                    blocks.appendThinking(text, at: json["index"]?.intValue)
                    out.append(.reasoning(text))
                }
            case "signature_delta":
                if let signature = delta?["signature"]?.nonEmptyString {
                    blocks.setSignature(signature, at: json["index"]?.intValue)
                }
            case "text_delta":
                if let text = delta?["text"]?.nonEmptyString { out.append(.answer(text)) }
            default:
                break
            }
        case "message_delta":
            if let reason = json["delta"]?["stop_reason"]?.stringValue {
                stopReason = OpenAIChunkDecoder.finishReason(reason)
            }
            if let reported = json["usage"] { merge(reported, into: &out) }
        case "message_stop":
            if let record = blocks.record { out.append(.providerReasoning(record)) }
            out.append(.finished(stopReason ?? .unspecified))
            return true
        default:
            break
        }
        return false
    }

    /// End of stream without `message_stop`: finished if a stop reason already arrived.
    mutating func finish(into out: inout [StreamDelta]) {
        guard let stopReason else { return }
        if let record = blocks.record { out.append(.providerReasoning(record)) }
        out.append(.finished(stopReason))
    }

    private mutating func merge(_ json: JSONValue, into out: inout [StreamDelta]) {
        let input = json["input_tokens"]?.countValue
        let cacheRead = json["cache_read_input_tokens"]?.countValue
        let cacheWrite = json["cache_creation_input_tokens"]?.countValue
        var prompt: Int?
        if input != nil || cacheRead != nil || cacheWrite != nil {
            prompt = (input ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0)
        }
        usage.merge(
            TokenUsage(
                promptTokens: prompt,
                completionTokens: json["output_tokens"]?.countValue,
                cacheHitTokens: cacheRead,
                cacheMissTokens: cacheRead != nil ? (input ?? 0) + (cacheWrite ?? 0) : nil
            ))
        out.append(.usage(usage))
    }
}
