/// Builds Ollama native `/api/chat` requests (NDJSON responses).
///
/// - Thinking: `think: true/false` for `.on`/`.off`, the level string for `.effort(x)`, omitted for `.auto`.
/// - `max_tokens` and `temperature` go into `options` as `num_predict` and `temperature`.
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
        switch settings.thinking {
        case .auto: break
        case .on: body["think"] = true
        case .off: body["think"] = false
        case .effort(let level): body["think"] = .string(level)
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
