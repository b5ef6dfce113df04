/// Builds chat-completions requests for the providers that speak OpenAI's format besides DeepSeek:
/// OpenAI-compatible servers (`openai`), OpenRouter, vLLM, llama.cpp (`llamacpp`) and the managed
/// engine (`local`). Their thinking controls differ (see `OpenAIRequestBuilder+Thinking`).
///
/// - The endpoint is `<base>/chat/completions` when the base URL ends in a version (`…/v1`), else
///   `<base>/v1/chat/completions`.
/// - The answer budget is `max_completion_tokens` on OpenAI's own API (its reasoning models reject
///   `max_tokens`) and `max_tokens` everywhere else (Ollama's /v1, LM Studio and older servers know
///   only that one).
/// - Earlier reasoning is never sent back, except OpenRouter's `reasoning_details` (see
///   `ConversationTurns.Turn.replay`).
/// - A continuation: llama.cpp (which prefills a trailing assistant message) ends the messages with
///   the partial answer; other servers get the partial answer as an assistant turn followed by a short
///   user instruction to continue.
/// - `local` asks for a fresh connection per request (`connection: close`): the engine closes a
///   connection some time after a streamed answer, and a request sent on it just then would fail.
public enum OpenAIRequestBuilder {
    public static func build(_ request: ChatRequest) -> PreparedRequest {
        let settings = request.settings
        let turns = ConversationTurns(request)
        var messages = turns.openAIMessages
        if settings.kind == .openrouter { addReasoningDetails(turns, to: &messages) }
        let prefills = settings.kind == .local || settings.kind == .llamacpp
        if let partial = request.continuation, !partial.answer.isEmpty {
            messages.append(["role": "assistant", "content": .string(partial.answer)])
            if !prefills {
                messages.append(["role": "user", "content": .string(ProviderDefaults.continueInstruction)])
            }
        }
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(messages),
            "stream": true,
            "stream_options": ["include_usage": true],
        ]
        if let maxTokens = settings.maxTokens {
            body[settings.capabilities.budgetField] = .number(Double(maxTokens))
        }
        if let temperature = settings.temperature { body["temperature"] = .number(temperature) }
        addThinking(settings, to: &body)
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

    /// OpenRouter: each assistant message whose reasoning details may go back carries them.
    private static func addReasoningDetails(_ turns: ConversationTurns, to messages: inout [JSONValue]) {
        let offset = turns.system == nil ? 0 : 1
        for (index, turn) in turns.turns.enumerated() {
            guard let replay = turn.replay, replay.format == .openRouter,
                case .object(var message) = messages[index + offset]
            else { continue }
            message["reasoning_details"] = .array(replay.items)
            messages[index + offset] = .object(message)
        }
    }
}
