/// Builds Anthropic Messages API requests (also accepted by DeepSeek's `/anthropic` endpoint).
///
/// - Thinking takes the form the model knows (`ClaudeThinkingForm`): up to Claude 4.5 a budget,
///   `{"type":"enabled","budget_tokens":N}` with N 2,048 / 8,192 / 16,384 / 24,576 for low / medium /
///   high / max and 10,000 for `on`; from 4.6 adaptive thinking, `{"type":"adaptive"}` with
///   `output_config.effort` for a level. `off` sends `{"type":"disabled"}` (models from 4.7 cannot
///   switch thinking off, so they never get it); `auto` sends nothing. `temperature` is only sent
///   without thinking (the API rejects changing it while thinking).
/// - `max_tokens` is required: the answer budget when there is one (the thinking budget is then at
///   most three quarters of it, never under the API's minimum of 1,024, and thinking is left off when
///   the budget cannot hold that); otherwise 16,000, raised above a thinking budget, or 32,000 with
///   adaptive thinking.
/// - An earlier answer's thinking blocks go back byte for byte with their signatures when the same
///   model wrote them and this request thinks (`ConversationTurns.Turn.replay`); otherwise they are
///   dropped, which the API allows for finished turns. They are never altered.
/// - A continuation uses assistant prefill (the partial answer, trailing whitespace trimmed, as the last
///   message). Prefill and thinking exclude each other, so a continuation is sent without thinking.
public enum AnthropicRequestBuilder {
    public static let defaultMaxTokens = 16_000
    /// The default with adaptive thinking, whose depth is not known in advance.
    public static let adaptiveMaxTokens = 32_000

    public static func build(_ request: ChatRequest) -> PreparedRequest {
        let settings = request.settings
        let turns = ConversationTurns(request)
        var prefill: String?
        if let partial = request.continuation {
            let trimmed = String(partial.answer.reversed().drop(while: \.isWhitespace).reversed())
            if !trimmed.isEmpty { prefill = trimmed }
        }
        let thinking = prefill == nil ? thinkingRequest(settings) : nil
        var messages: [JSONValue] = turns.turns.map { turn in
            if let replay = turn.replay, thinking?.isOn == true, replay.format == .anthropic {
                let text: JSONValue = ["type": "text", "text": .string(turn.text)]
                return ["role": .string(turn.role.rawValue), "content": .array(replay.items + [text])]
            }
            return ["role": .string(turn.role.rawValue), "content": .string(turn.text)]
        }
        if let prefill { messages.append(["role": "assistant", "content": .string(prefill)]) }
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(messages),
            "stream": true,
            "max_tokens": .number(Double(thinking?.maxTokens ?? settings.maxTokens ?? defaultMaxTokens)),
        ]
        if let system = turns.system { body["system"] = .string(system) }
        if let thinking {
            body["thinking"] = thinking.config
            if let effort = thinking.effort { body["output_config"] = ["effort": .string(effort)] }
        }
        if let temperature = settings.temperature, thinking?.isOn != true {
            body["temperature"] = .number(temperature)
        }
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

    /// The `thinking` object, the `output_config.effort` and the `max_tokens` that go with it.
    struct ThinkingRequest {
        var config: JSONValue
        var effort: String?
        var maxTokens: Int?
        var isOn: Bool
    }

    /// What `settings` ask of thinking; nil when nothing is sent.
    static func thinkingRequest(_ settings: ProviderSettings) -> ThinkingRequest? {
        guard case .level(let level) = settings.effectiveThinking else { return nil }
        if level == .off { return ThinkingRequest(config: ["type": "disabled"], maxTokens: nil, isOn: false) }
        switch ClaudeThinkingForm.of(model: settings.model) {
        case .adaptive, .adaptiveOnly:
            let effort = level == .on ? nil : level.rawValue
            return ThinkingRequest(
                config: ["type": "adaptive"], effort: effort, maxTokens: settings.maxTokens ?? adaptiveMaxTokens,
                isOn: true)
        case .budget:
            let wanted = ThinkingBudget.anthropic(level)
            guard let answerBudget = settings.maxTokens else {
                return ThinkingRequest(
                    config: enabled(budget: wanted), maxTokens: max(defaultMaxTokens, wanted + 4096), isOn: true)
            }
            let budget = max(
                ThinkingBudget.anthropicMinimum, ThinkingBudget.leavingRoom(wanted, answerBudget: answerBudget))
            guard budget < answerBudget else {
                return ThinkingRequest(config: ["type": "disabled"], maxTokens: answerBudget, isOn: false)
            }
            return ThinkingRequest(config: enabled(budget: budget), maxTokens: answerBudget, isOn: true)
        }
    }

    private static func enabled(budget: Int) -> JSONValue {
        ["type": "enabled", "budget_tokens": .number(Double(budget))]
    }
}
