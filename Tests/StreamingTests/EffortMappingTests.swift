import PonderCore
import Testing

/// Every provider kind, every thinking level: exactly what the request body carries.
@Suite struct EffortMappingTests {
    static let question = [Message(conversationID: ConversationID("c"), role: .user, answer: "why?")]

    static func body(_ kind: ProviderKind, _ mode: ThinkingMode, model: String = "m", baseURL: String? = nil)
        -> JSONValue
    {
        let settings = ProviderSettings(
            name: "p", kind: kind, baseURL: baseURL ?? ProviderDefaults.baseURL(for: kind), model: model,
            thinking: mode)
        return RequestBuilder.chatRequest(for: ChatRequest(settings: settings, history: question)).body ?? .null
    }

    /// The members of `body` that carry thinking, whatever the dialect.
    static func thinkingMembers(_ body: JSONValue) -> [String: JSONValue] {
        let names = [
            "thinking", "reasoning_effort", "reasoning", "chat_template_kwargs", "thinking_budget_tokens", "think",
            "output_config",
        ]
        var found: [String: JSONValue] = [:]
        for name in names { if let value = body[name] { found[name] = value } }
        return found
    }

    static let levels: [ThinkingEffort] = ThinkingEffort.allCases

    @Test(arguments: levels)
    func deepSeek(level: ThinkingEffort) {
        let expected: [String: JSONValue]
        switch level {
        case .off: expected = ["thinking": ["type": "disabled"]]
        case .on: expected = ["thinking": ["type": "enabled"]]
        case .low: expected = ["thinking": ["type": "enabled"], "reasoning_effort": "low"]
        // DeepSeek has no medium: sent as high, as DeepSeek itself maps it.
        case .medium, .high: expected = ["thinking": ["type": "enabled"], "reasoning_effort": "high"]
        case .max: expected = ["thinking": ["type": "enabled"], "reasoning_effort": "max"]
        }
        #expect(Self.thinkingMembers(Self.body(.deepseek, .level(level), model: "deepseek-v4-pro")) == expected)
    }

    @Test(arguments: levels)
    func openAICompatible(level: ThinkingEffort) {
        let expected: [String: JSONValue]
        switch level {
        case .off: expected = ["reasoning_effort": "none"]
        case .on: expected = [:]
        case .low: expected = ["reasoning_effort": "low"]
        case .medium: expected = ["reasoning_effort": "medium"]
        // Ollama's /v1 and most servers reject anything above high.
        case .high, .max: expected = ["reasoning_effort": "high"]
        }
        let body = Self.body(.openai, .level(level), baseURL: "http://127.0.0.1:11434/v1")
        #expect(Self.thinkingMembers(body) == expected)
    }

    @Test(arguments: levels)
    func openAIItselfOnlyForModelsThatReason(level: ThinkingEffort) {
        let plain = Self.body(.openai, .level(level), model: "gpt-4.1-mini")
        #expect(Self.thinkingMembers(plain).isEmpty, "OpenAI rejects reasoning_effort for gpt-4.1")
        let reasoner = Self.body(.openai, .level(level), model: "o4-mini")
        #expect(
            Self.thinkingMembers(reasoner)
                == Self.thinkingMembers(Self.body(.openai, .level(level), baseURL: "http://x/v1")))
    }

    @Test(arguments: levels)
    func openRouter(level: ThinkingEffort) {
        let expected: JSONValue
        switch level {
        case .off: expected = ["effort": "none"]
        case .on: expected = ["enabled": true]
        case .low: expected = ["effort": "low"]
        case .medium: expected = ["effort": "medium"]
        case .high: expected = ["effort": "high"]
        case .max: expected = ["effort": "xhigh"]
        }
        #expect(Self.thinkingMembers(Self.body(.openrouter, .level(level))) == ["reasoning": expected])
    }

    @Test(arguments: levels)
    func vllmSwitchesTheTemplate(level: ThinkingEffort) {
        let expected: [String: JSONValue] = ["chat_template_kwargs": ["enable_thinking": .bool(level != .off)]]
        #expect(Self.thinkingMembers(Self.body(.vllm, .level(level))) == expected)
    }

    @Test(arguments: [ProviderKind.llamacpp, .local], levels)
    func llamaCppTemplateAndBudget(kind: ProviderKind, level: ThinkingEffort) {
        let expected: [String: JSONValue]
        switch level {
        case .off: expected = ["chat_template_kwargs": ["enable_thinking": false], "reasoning_effort": "none"]
        case .on, .max: expected = ["chat_template_kwargs": ["enable_thinking": true]]
        case .low: expected = ["chat_template_kwargs": ["enable_thinking": true], "thinking_budget_tokens": 1024]
        case .medium: expected = ["chat_template_kwargs": ["enable_thinking": true], "thinking_budget_tokens": 4096]
        case .high: expected = ["chat_template_kwargs": ["enable_thinking": true], "thinking_budget_tokens": 16384]
        }
        #expect(Self.thinkingMembers(Self.body(kind, .level(level))) == expected)
    }

    @Test(arguments: levels)
    func ollama(level: ThinkingEffort) {
        // A model that switches thinking on or off (Qwen3, R1).
        let switched: JSONValue = level == .off ? false : true
        #expect(Self.thinkingMembers(Self.body(.ollama, .level(level), model: "qwen3:8b")) == ["think": switched])
        // gpt-oss grades its thinking and cannot switch it off.
        let graded: JSONValue
        switch level {
        case .off, .low: graded = "low"
        case .on: graded = true
        case .medium: graded = "medium"
        case .high, .max: graded = "high"
        }
        #expect(Self.thinkingMembers(Self.body(.ollama, .level(level), model: "gpt-oss:20b")) == ["think": graded])
        // `think` on a model without thinking is an error in Ollama: nothing is sent.
        #expect(Self.thinkingMembers(Self.body(.ollama, .level(level), model: "llama3.2")).isEmpty)
    }

    @Test(arguments: levels)
    func anthropicBudgetForm(level: ThinkingEffort) {
        let expected: [String: JSONValue]
        switch level {
        case .off: expected = ["thinking": ["type": "disabled"]]
        case .on: expected = ["thinking": ["type": "enabled", "budget_tokens": 10000]]
        case .low: expected = ["thinking": ["type": "enabled", "budget_tokens": 2048]]
        case .medium: expected = ["thinking": ["type": "enabled", "budget_tokens": 8192]]
        case .high: expected = ["thinking": ["type": "enabled", "budget_tokens": 16384]]
        case .max: expected = ["thinking": ["type": "enabled", "budget_tokens": 24576]]
        }
        for model in ["claude-sonnet-4-5", "claude-3-7-sonnet-20250219", "claude-opus-4-1-20250805"] {
            #expect(Self.thinkingMembers(Self.body(.anthropic, .level(level), model: model)) == expected, "\(model)")
        }
    }

    @Test(arguments: levels)
    func anthropicAdaptiveForm(level: ThinkingEffort) {
        let expected: [String: JSONValue]
        switch level {
        case .off: expected = ["thinking": ["type": "disabled"]]
        case .on: expected = ["thinking": ["type": "adaptive"]]
        case .low, .medium, .high, .max:
            expected = ["thinking": ["type": "adaptive"], "output_config": ["effort": .string(level.rawValue)]]
        }
        #expect(Self.thinkingMembers(Self.body(.anthropic, .level(level), model: "claude-opus-4-6")) == expected)
    }

    @Test(arguments: levels)
    func anthropicAdaptiveOnlyNeverSwitchesThinkingOff(level: ThinkingEffort) {
        let effort = level == .off ? "low" : level.rawValue
        let expected: [String: JSONValue] =
            level == .on
            ? ["thinking": ["type": "adaptive"]]
            : ["thinking": ["type": "adaptive"], "output_config": ["effort": .string(effort)]]
        for model in ["claude-opus-4-7", "claude-sonnet-5"] {
            #expect(Self.thinkingMembers(Self.body(.anthropic, .level(level), model: model)) == expected, "\(model)")
        }
    }

    @Test(arguments: ProviderKind.allCases)
    func autoSendsNothing(kind: ProviderKind) {
        #expect(Self.thinkingMembers(Self.body(kind, .auto, model: "qwen3")).isEmpty)
    }

    @Test func everyLevelACapabilityListsIsSentAsItself() {
        let cases: [(ProviderKind, String, String)] = [
            (.deepseek, "deepseek-reasoner", "https://api.deepseek.com"), (.openai, "m", "http://h/v1"),
            (.openrouter, "m", "https://openrouter.ai/api/v1"), (.vllm, "m", "http://h/v1"),
            (.llamacpp, "m", "http://h"), (.local, "local", "http://h"), (.ollama, "qwen3", "http://h"),
            (.ollama, "gpt-oss", "http://h"), (.anthropic, "claude-sonnet-4-5", "https://a"),
            (.anthropic, "claude-opus-4-7", "https://a"),
        ]
        for (kind, model, baseURL) in cases {
            let capabilities = ProviderCapabilities.of(kind: kind, model: model, baseURL: baseURL)
            #expect(!capabilities.efforts.isEmpty, "\(kind) \(model)")
            for level in capabilities.efforts {
                #expect(capabilities.effective(.level(level)) == .level(level), "\(kind) \(model) \(level)")
            }
        }
    }
}
