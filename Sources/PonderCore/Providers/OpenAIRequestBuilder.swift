/// Builds chat-completions requests for OpenAI-compatible servers (`openai`) and the managed
/// llama.cpp engine (`local`).
///
/// - The endpoint is `<base>/chat/completions` when the base URL ends in a version (`…/v1`), else
///   `<base>/v1/chat/completions`.
/// - Thinking: `.off` sends `reasoning_effort: "none"`, `.effort(x)` sends `reasoning_effort: x`; for
///   `local` `.off` also sends `chat_template_kwargs.enable_thinking = false` (llama.cpp templates).
///   `.on` and `.auto` leave the server's default. Reasoning is never sent back.
/// - A continuation: `local` (llama.cpp prefills a trailing assistant message) ends the messages with
///   the partial answer; other servers get the partial answer as an assistant turn followed by a short
///   user instruction to continue.
/// - `local` asks for a fresh connection per request (`connection: close`): the engine closes a
///   connection some time after a streamed answer, and a request sent on it just then would fail.
public enum OpenAIRequestBuilder {
    public static func build(_ request: ChatRequest) -> PreparedRequest {
        let settings = request.settings
        var messages = ConversationTurns(request).openAIMessages
        if let partial = request.continuation, !partial.answer.isEmpty {
            messages.append(["role": "assistant", "content": .string(partial.answer)])
            if settings.kind != .local {
                messages.append(["role": "user", "content": .string(ProviderDefaults.continueInstruction)])
            }
        }
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(messages),
            "stream": true,
            "stream_options": ["include_usage": true],
        ]
        if let maxTokens = settings.maxTokens { body["max_tokens"] = .number(Double(maxTokens)) }
        if let temperature = settings.temperature { body["temperature"] = .number(temperature) }
        switch settings.thinking {
        case .auto, .on: break
        case .off:
            body["reasoning_effort"] = "none"
            if settings.kind == .local { body["chat_template_kwargs"] = ["enable_thinking": false] }
        case .effort(let level): body["reasoning_effort"] = .string(level)
        }
        let path = ProviderDefaults.endsWithVersion(settings.baseURL) ? "/chat/completions" : "/v1/chat/completions"
        var headers = RequestBuilder.jsonHeaders(settings, accept: "text/event-stream")
        if settings.kind == .local { headers.append(("connection", "close")) }
        return PreparedRequest(
            method: "POST",
            url: ProviderDefaults.join(settings.baseURL, path),
            headers: headers,
            body: .object(body)
        )
    }
}
