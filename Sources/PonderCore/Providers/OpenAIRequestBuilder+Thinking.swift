/// The thinking controls of the OpenAI-format providers, one dialect each:
///
/// | kind | off | on | low / medium / high / max |
/// |---|---|---|---|
/// | `openai` | `reasoning_effort: "none"` | nothing | `reasoning_effort` (no max) |
/// | `openrouter` | `reasoning: {effort: "none"}` | `reasoning: {enabled: true}` | `reasoning: {effort}` (max is `xhigh`) |
/// | `vllm` | `chat_template_kwargs.enable_thinking: false` | `…: true` | (on and off only) |
/// | `llamacpp`, `local` | `enable_thinking: false`, `reasoning_effort: "none"` | `enable_thinking: true` | `enable_thinking: true` and `thinking_budget_tokens` 1,024 / 4,096 / 16,384 / unlimited |
///
/// With an answer budget, a llama.cpp thinking budget is at most three quarters of it, so that the
/// answer always has room. OpenRouter gets the effort rather than `reasoning.max_tokens`: it turns the
/// effort into each upstream model's own form (a share of `max_tokens` for budget-style models).
extension OpenAIRequestBuilder {
    static func addThinking(_ settings: ProviderSettings, to body: inout [String: JSONValue]) {
        let mode = settings.effectiveThinking
        guard case .level(let effort) = mode else { return }
        switch settings.kind {
        case .openai:
            switch effort {
            case .on: break
            case .off: body["reasoning_effort"] = "none"
            case .low, .medium, .high, .max: body["reasoning_effort"] = .string(effort.rawValue)
            }
        case .openrouter:
            switch effort {
            case .on: body["reasoning"] = ["enabled": true]
            case .off: body["reasoning"] = ["effort": "none"]
            case .max: body["reasoning"] = ["effort": "xhigh"]
            case .low, .medium, .high: body["reasoning"] = ["effort": .string(effort.rawValue)]
            }
        case .vllm:
            body["chat_template_kwargs"] = ["enable_thinking": .bool(effort != .off)]
        case .llamacpp, .local:
            body["chat_template_kwargs"] = ["enable_thinking": .bool(effort != .off)]
            if effort == .off {
                body["reasoning_effort"] = "none"
            } else if let budget = ThinkingBudget.llamaCpp(effort) ?? settings.maxTokens {
                let tokens = ThinkingBudget.leavingRoom(budget, answerBudget: settings.maxTokens)
                body["thinking_budget_tokens"] = .number(Double(tokens))
            }
        case .deepseek, .ollama, .anthropic:
            break  // their own builders
        }
    }
}
