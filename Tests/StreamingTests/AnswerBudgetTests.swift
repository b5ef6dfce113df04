import PonderCore
import Testing

/// The per-conversation answer budget in every provider's request, and how thinking budgets make room
/// for the answer under it.
@Suite struct AnswerBudgetTests {
    static let question = [Message(conversationID: ConversationID("c"), role: .user, answer: "why?")]

    static func body(
        _ kind: ProviderKind, budget: Int?, thinking: ThinkingMode = .auto, model: String = "m", baseURL: String? = nil
    ) -> JSONValue {
        let settings = ProviderSettings(
            name: "p", kind: kind, baseURL: baseURL ?? ProviderDefaults.baseURL(for: kind), model: model,
            thinking: thinking, maxTokens: budget)
        return RequestBuilder.chatRequest(for: ChatRequest(settings: settings, history: question)).body ?? .null
    }

    @Test func eachProviderCarriesTheBudgetInItsOwnField() {
        #expect(Self.body(.deepseek, budget: 3000)["max_tokens"] == 3000)
        #expect(Self.body(.openai, budget: 3000, baseURL: "http://127.0.0.1:1234/v1")["max_tokens"] == 3000)
        let official = Self.body(.openai, budget: 3000, model: "o3")
        #expect(official["max_completion_tokens"] == 3000)
        #expect(official["max_tokens"] == nil, "OpenAI's reasoning models reject max_tokens")
        #expect(Self.body(.openrouter, budget: 3000)["max_tokens"] == 3000)
        #expect(Self.body(.vllm, budget: 3000)["max_tokens"] == 3000)
        #expect(Self.body(.llamacpp, budget: 3000)["max_tokens"] == 3000)
        #expect(Self.body(.local, budget: 3000)["max_tokens"] == 3000)
        let ollama = Self.body(.ollama, budget: 3000)
        #expect(ollama["options"]?["num_predict"] == 3000)
        #expect(ollama["max_tokens"] == nil)
        #expect(Self.body(.anthropic, budget: 3000, model: "claude-sonnet-4-5")["max_tokens"] == 3000)
    }

    @Test func withoutABudgetNothingIsCappedExceptWhereTheAPIRequiresIt() {
        for kind in ProviderKind.allCases where kind != .anthropic {
            let body = Self.body(kind, budget: nil)
            #expect(body["max_tokens"] == nil && body["max_completion_tokens"] == nil, "\(kind)")
            #expect(body["options"]?["num_predict"] == nil, "\(kind)")
        }
        #expect(Self.body(.anthropic, budget: nil)["max_tokens"] == 16000)
        #expect(
            Self.body(.anthropic, budget: nil, thinking: .level(.max), model: "claude-sonnet-4-5")["max_tokens"]
                == 28672)
        #expect(
            Self.body(.anthropic, budget: nil, thinking: .level(.high), model: "claude-opus-4-6")["max_tokens"] == 32000
        )
    }

    @Test func anthropicThinkingBudgetLeavesAQuarterForTheAnswer() {
        let roomy = Self.body(.anthropic, budget: 64000, thinking: .level(.high), model: "claude-sonnet-4-5")
        #expect(roomy["max_tokens"] == 64000)
        #expect(roomy["thinking"] == ["type": "enabled", "budget_tokens": 16384])
        let tight = Self.body(.anthropic, budget: 4000, thinking: .level(.high), model: "claude-sonnet-4-5")
        #expect(tight["max_tokens"] == 4000)
        #expect(tight["thinking"] == ["type": "enabled", "budget_tokens": 3000])
        // Three quarters is under the API's minimum of 1,024: the minimum, still below max_tokens.
        let small = Self.body(.anthropic, budget: 1200, thinking: .level(.low), model: "claude-sonnet-4-5")
        #expect(small["thinking"] == ["type": "enabled", "budget_tokens": 1024])
        // No room for the minimum thinking budget: thinking off rather than an invalid request.
        let tiny = Self.body(.anthropic, budget: 1000, thinking: .level(.high), model: "claude-sonnet-4-5")
        #expect(tiny["max_tokens"] == 1000)
        #expect(tiny["thinking"] == ["type": "disabled"])
        // Adaptive thinking has no budget of its own: the answer budget is max_tokens.
        let adaptive = Self.body(.anthropic, budget: 5000, thinking: .level(.high), model: "claude-opus-4-6")
        #expect(adaptive["max_tokens"] == 5000)
        #expect(adaptive["thinking"] == ["type": "adaptive"])
    }

    @Test func llamaCppThinkingBudgetLeavesAQuarterForTheAnswer() {
        #expect(Self.body(.llamacpp, budget: 2000, thinking: .level(.high))["thinking_budget_tokens"] == 1500)
        #expect(Self.body(.llamacpp, budget: 2000, thinking: .level(.low))["thinking_budget_tokens"] == 1024)
        // max and on are unlimited, but not beyond three quarters of a budget.
        #expect(Self.body(.local, budget: 2000, thinking: .level(.max))["thinking_budget_tokens"] == 1500)
        #expect(Self.body(.local, budget: 2000, thinking: .on)["thinking_budget_tokens"] == 1500)
        #expect(Self.body(.local, budget: 2000, thinking: .off)["thinking_budget_tokens"] == nil)
    }

    @Test func aConversationsChoicesOverrideTheConfig() {
        let configured = ProviderSettings(
            name: "deepseek", kind: .deepseek, baseURL: "https://api.deepseek.com", model: "deepseek-reasoner",
            thinking: .level(.high), maxTokens: 32000)
        #expect(configured.applying(ConversationControls()) == configured)
        let chosen = configured.applying(
            ConversationControls(provider: "deepseek", model: "deepseek-v4-pro", effort: .low, maxOutputTokens: 900))
        #expect(chosen.model == "deepseek-v4-pro")
        #expect(chosen.thinking == .level(.low))
        #expect(chosen.maxTokens == 900)
        // Another provider's model name means nothing here.
        let elsewhere = configured.applying(ConversationControls(provider: "ollama", model: "qwen3", effort: .off))
        #expect(elsewhere.model == "deepseek-reasoner")
        #expect(elsewhere.thinking == .off)
    }

    @Test func aLengthFinishWithoutAnswerIsTheBudgetUsedWhileThinking() {
        #expect(ResponseEnding(finishReason: .length, hasAnswer: false) == .budgetUsedWhileThinking)
        #expect(ResponseEnding(finishReason: .length, hasAnswer: true) == .answerCutShort)
        #expect(ResponseEnding(finishReason: .stop, hasAnswer: false) == .answered)
        #expect(ResponseEnding(finishReason: nil, hasAnswer: false) == .answered)
        let stored = Message(
            conversationID: ConversationID("c"), role: .assistant, reasoning: "thinking…", answer: "\n  ",
            finishReason: .length)
        #expect(ResponseEnding(stored) == .budgetUsedWhileThinking)
        let words = ResponseEnding.budgetUsedWhileThinking.explanation(budget: 16384) ?? ""
        #expect(words.contains("16,384 output tokens"))
        #expect(words.contains("while still thinking"))
        #expect(words.contains("larger budget"))
        #expect(ResponseEnding.answered.explanation(budget: 10) == nil)
    }
}
