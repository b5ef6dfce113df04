/// Builds Anthropic Messages API requests (also accepted by DeepSeek's `/anthropic` endpoint).
///
/// - `max_tokens` is required by the API: the configured value, else 16,000, raised when needed to
///   stay above the thinking budget.
/// - Thinking: `.on` asks for a budget of 10,000 tokens, `.effort(x)` maps `low`/`medium`/`high`/`max`
///   to 2,048/8,192/16,384/32,768; `.off` sends `{"type":"disabled"}`; `.auto` sends nothing.
///   `temperature` is only sent without thinking (the API rejects changing it while thinking).
/// - A continuation uses assistant prefill (the partial answer, trailing whitespace trimmed, as the last
///   message). Prefill and thinking exclude each other, so a continuation is sent without thinking.
/// - Thinking blocks are never sent back: Ponder has no tool use, so they are not required.
public enum AnthropicRequestBuilder {
    public static let defaultMaxTokens = 16_000

    public static func build(_ request: ChatRequest) -> PreparedRequest {
        let settings = request.settings
        let turns = ConversationTurns(request)
        var messages: [JSONValue] = turns.turns.map {
            ["role": .string($0.role.rawValue), "content": .string($0.text)]
        }
        var prefill: String?
        if let partial = request.continuation {
            let trimmed = String(partial.answer.reversed().drop(while: \.isWhitespace).reversed())
            if !trimmed.isEmpty {
                prefill = trimmed
                messages.append(["role": "assistant", "content": .string(trimmed)])
            }
        }
        var maxTokens = settings.maxTokens ?? defaultMaxTokens
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(messages),
            "stream": true,
        ]
        if let system = turns.system { body["system"] = .string(system) }
        var thinkingOn = false
        if prefill == nil {
            switch settings.thinking {
            case .auto: break
            case .off: body["thinking"] = ["type": "disabled"]
            case .on, .effort:
                let budget = thinkingBudget(settings.thinking)
                maxTokens = max(maxTokens, budget + 1024)
                body["thinking"] = ["type": "enabled", "budget_tokens": .number(Double(budget))]
                thinkingOn = true
            }
        }
        body["max_tokens"] = .number(Double(maxTokens))
        if let temperature = settings.temperature, !thinkingOn { body["temperature"] = .number(temperature) }
        var headers: [(name: String, value: String)] = [
            ("content-type", "application/json"), ("accept", "text/event-stream"),
            ("anthropic-version", ProviderDefaults.anthropicVersion),
        ]
        if let key = settings.apiKey { headers.append(("x-api-key", key.value)) }
        return PreparedRequest(
            method: "POST",
            url: ProviderDefaults.join(settings.baseURL, "/v1/messages"),
            headers: headers + RequestBuilder.extra(settings),
            body: .object(body)
        )
    }

    static func thinkingBudget(_ mode: ThinkingMode) -> Int {
        switch mode {
        case .effort(let level):
            switch level.lowercased() {
            case "minimal", "low": return 2048
            case "medium": return 8192
            case "high": return 16_384
            case "max", "xhigh", "ultra": return 32_768
            default: return 10_000
            }
        default: return 10_000
        }
    }
}
