/// Builds Ollama native `/api/chat` requests (NDJSON responses).
///
/// - Thinking: `think: true/false` for on/off, the level string (`low`, `medium`, `high`) for models that
///   grade it (gpt-oss), omitted for `auto` and for models known not to think (Ollama rejects `think`
///   there).
/// - The answer budget and `temperature` go into `options` as `num_predict` and `temperature`.
/// - A continuation ends the messages with the partial answer as an assistant message, which Ollama
///   continues as a prefill. Reasoning is never sent back.
public enum OllamaRequestBuilder {
    public static func build(_ request: ChatRequest) -> PreparedRequest {
        let settings = request.settings
        var messages = ConversationTurns(request).openAIMessages
        if let partial = request.continuation, !partial.answer.isEmpty {
            messages.append(["role": "assistant", "content": .string(partial.answer)])
        }
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(messages),
            "stream": true,
        ]
        switch settings.effectiveThinking {
        case .auto: break
        case .level(.on): body["think"] = true
        case .level(.off): body["think"] = false
        case .level(let level): body["think"] = .string(level == .max ? "high" : level.rawValue)
        }
        var options: [String: JSONValue] = [:]
        if let maxTokens = settings.maxTokens { options["num_predict"] = .number(Double(maxTokens)) }
        if let temperature = settings.temperature { options["temperature"] = .number(temperature) }
        if !options.isEmpty { body["options"] = .object(options) }
        return PreparedRequest(
            method: "POST",
            url: ProviderDefaults.join(settings.baseURL, "/api/chat"),
            headers: RequestBuilder.jsonHeaders(settings, accept: "application/x-ndjson"),
            body: .object(body)
        )
    }
}
