/// Decodes OpenAI-format `chat.completion.chunk` events (DeepSeek, OpenAI, vLLM, llama.cpp, LM Studio,
/// OpenRouter, Ollama's `/v1`) into deltas.
///
/// Reasoning comes from `delta.reasoning_content`, else `delta.reasoning` (never both: aliases
/// duplicate). `choices` may be empty (usage-only chunk); usage is taken from any chunk that has one.
/// The finish reason is held until `[DONE]` so a trailing usage chunk is not lost; if the stream ends
/// without `[DONE]` after a finish reason, the response still counts as finished. In-band errors:
/// a top-level `error` (object or string), an `event: error`, or OpenRouter's `finish_reason: "error"`.
/// For OpenRouter, `delta.reasoning_details` fragments are merged and reported as `.providerReasoning`
/// just before the end.
struct OpenAIChunkDecoder: Sendable {
    private var channel: ContentChannel
    private var pendingFinish: FinishReason?
    private var pendingError: ChatError?
    /// Set when reasoning details are read (OpenRouter); other dialects skip them while parsing.
    private var details: ReasoningDetailsMerger?

    init(forcedOpenThink: Bool, readsReasoningDetails: Bool = false) {
        channel = ContentChannel(forcedOpenThink: forcedOpenThink)
        details = readsReasoningDetails ? ReasoningDetailsMerger() : nil
    }

    /// Returns true when the event ended the response (a terminal delta was appended).
    mutating func decode(_ event: SSEEvent, into out: inout [StreamDelta]) -> Bool {
        let bytes = event.dataBytes
        if bytes.count == 6, bytes == Array("[DONE]".utf8) {
            return end(into: &out)
        }
        let chunk: OpenAIChunk
        do {
            chunk = try OpenAIChunk.parse(bytes, keys: details == nil ? Self.keys : Self.keysWithDetails)
        } catch {
            if event.type == "error" {
                out.append(.failed(.inBand(event.data)))
                return true
            }
            out.append(.failed(.malformed(error.description)))
            return true
        }
        if let error = chunk.error, !error.isNull {
            out.append(.failed(.inBand(Self.errorMessage(error))))
            return true
        }
        if event.type == "error" {
            out.append(.failed(.inBand(chunk.message?.stringValue ?? event.data)))
            return true
        }
        if let choice = chunk.choice {
            let text = choice.text
            if let reasoning = text?.reasoningContent ?? text?.reasoning {
                channel.reasoningField(reasoning, into: &out)
            }
            if let content = text?.content {
                channel.answerText(content, into: &out)
            }
            if details != nil, let fragments = text?.reasoningDetails {
                for fragment in fragments { details?.add(fragment) }
            }
            if let reason = choice.finishReason {
                if reason == "error" {
                    pendingError = .inBand(chunk.error?["message"]?.stringValue ?? "the provider ended with an error")
                } else {
                    pendingFinish = Self.finishReason(reason)
                }
            }
        }
        if let usage = chunk.usage, !usage.isNull {
            out.append(.usage(Self.usage(usage)))
        }
        return false
    }

    /// End of the byte stream without `[DONE]`.
    mutating func finish(into out: inout [StreamDelta]) {
        if pendingFinish != nil || pendingError != nil {
            _ = end(into: &out)
        } else {
            channel.finish(into: &out)
        }
    }

    private mutating func end(into out: inout [StreamDelta]) -> Bool {
        channel.finish(into: &out)
        if let pendingError {
            out.append(.failed(pendingError))
        } else {
            if let record = details?.record { out.append(.providerReasoning(record)) }
            out.append(.finished(pendingFinish ?? .unspecified))
        }
        return true
    }

    /// The members this decoder reads; everything else in a chunk is skipped while parsing.
    static let keyNames = [
        "choices", "delta", "message", "content", "reasoning_content", "reasoning", "finish_reason", "usage",
        "prompt_tokens", "completion_tokens", "completion_tokens_details", "reasoning_tokens",
        "prompt_cache_hit_tokens", "prompt_cache_miss_tokens", "prompt_tokens_details", "cached_tokens", "error",
        "code", "type",
    ]
    static let keys = JSONKeySet(keyNames)
    /// `keys` and the members of OpenRouter's `reasoning_details` entries.
    static let keysWithDetails = JSONKeySet(
        keyNames + ["reasoning_details", "text", "summary", "data", "signature", "index", "format", "id"])

    static func errorMessage(_ error: JSONValue) -> String {
        if let text = error.stringValue { return text }
        let message = error["message"]?.stringValue ?? "unknown error"
        if let code = error["code"], let number = code.intValue { return "\(message) (code \(number))" }
        return message
    }

    static func finishReason(_ text: String) -> FinishReason {
        switch text {
        case "stop", "end_turn", "stop_sequence": return .stop
        case "length", "max_tokens", "model_context_window_exceeded": return .length
        case "content_filter", "refusal": return .contentFilter
        case "tool_calls", "function_call", "tool_use": return .toolCalls
        case "insufficient_system_resource": return .insufficientResources
        default: return .other
        }
    }

    static func usage(_ json: JSONValue) -> TokenUsage {
        TokenUsage(
            promptTokens: json["prompt_tokens"]?.countValue,
            completionTokens: json["completion_tokens"]?.countValue,
            reasoningTokens: json["completion_tokens_details"]?["reasoning_tokens"]?.countValue,
            cacheHitTokens: json["prompt_cache_hit_tokens"]?.countValue
                ?? json["prompt_tokens_details"]?["cached_tokens"]?.countValue,
            cacheMissTokens: json["prompt_cache_miss_tokens"]?.countValue
        )
    }
}
