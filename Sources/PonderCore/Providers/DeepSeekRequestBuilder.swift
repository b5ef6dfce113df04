/// Builds DeepSeek chat-completions requests (OpenAI format).
///
/// - Reasoning is never sent back: without tool calls no era requires it and the R1 era rejects it.
///   Turns alternate user/assistant (see `ConversationTurns`), which legacy `deepseek-reasoner` requires.
/// - Thinking: `off`/`on` set `thinking.type`; `low`, `high` and `max` enable thinking and send the
///   top-level `reasoning_effort` (DeepSeek's own levels; `medium` is sent as `high`, as DeepSeek maps
///   it); `auto` sends nothing (the model's default).
/// - The answer budget is `max_tokens`, which covers reasoning and answer.
/// - `temperature` is ignored in thinking mode, so it is only sent when thinking is known to be off.
/// - A continuation goes to the beta prefix-completion endpoint (`/beta/chat/completions`): the last
///   message is the partial assistant answer with `prefix: true`, carrying the partial reasoning as
///   `reasoning_content` so the chain of thought resumes where it stopped.
public enum DeepSeekRequestBuilder {
    public static func build(_ request: ChatRequest) -> PreparedRequest {
        let settings = request.settings
        let turns = ConversationTurns(request)
        var messages = turns.openAIMessages
        var path = "/chat/completions"
        if let partial = request.continuation {
            var prefix: [String: JSONValue] = [
                "role": "assistant", "content": .string(partial.answer), "prefix": true,
            ]
            if !partial.reasoning.isEmpty { prefix["reasoning_content"] = .string(partial.reasoning) }
            messages.append(.object(prefix))
            if !settings.baseURL.hasSuffix("/beta") && !settings.baseURL.hasSuffix("/beta/") { path = "/beta" + path }
        }
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(messages),
            "stream": true,
            "stream_options": ["include_usage": true],
        ]
        if let maxTokens = settings.maxTokens { body["max_tokens"] = .number(Double(maxTokens)) }
        switch settings.effectiveThinking {
        case .auto: break
        case .level(.on): body["thinking"] = ["type": "enabled"]
        case .level(.off): body["thinking"] = ["type": "disabled"]
        case .level(let level):
            body["thinking"] = ["type": "enabled"]
            body["reasoning_effort"] = .string(level.rawValue)
        }
        if let temperature = settings.temperature, thinkingKnownOff(settings) {
            body["temperature"] = .number(temperature)
        }
        return PreparedRequest(
            method: "POST",
            url: ProviderDefaults.join(settings.baseURL, path),
            headers: RequestBuilder.jsonHeaders(settings, accept: "text/event-stream"),
            body: .object(body)
        )
    }

    /// Thinking is off when asked for, or by default on the legacy non-thinking `deepseek-chat` alias.
    static func thinkingKnownOff(_ settings: ProviderSettings) -> Bool {
        switch settings.effectiveThinking {
        case .level(.off): return true
        case .auto: return settings.model == "deepseek-chat"
        case .level: return false
        }
    }
}
