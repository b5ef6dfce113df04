/// Thinking budgets in tokens, for the providers that take a number instead of (or beside) a level:
/// Anthropic's `budget_tokens` and llama.cpp's `thinking_budget_tokens`.
enum ThinkingBudget {
    /// Anthropic's smallest accepted `budget_tokens`.
    static let anthropicMinimum = 1024

    /// Anthropic budgets. `max` stays under 32,000 with room for the answer, the output limit of the
    /// smallest thinking models (Opus 4 and 4.1).
    static func anthropic(_ effort: ThinkingEffort) -> Int {
        switch effort {
        case .low: return 2048
        case .medium: return 8192
        case .high: return 16_384
        case .max: return 24_576
        case .on, .off: return 10_000
        }
    }

    /// llama.cpp budgets; nil is unlimited (`max`, and `on`: the model's own length).
    static func llamaCpp(_ effort: ThinkingEffort) -> Int? {
        switch effort {
        case .low: return 1024
        case .medium: return 4096
        case .high: return 16_384
        case .max, .on, .off: return nil
        }
    }

    /// A thinking budget that leaves a quarter of the answer budget for the answer: with an answer
    /// budget the model can then never spend it all on thinking.
    static func leavingRoom(_ tokens: Int, answerBudget: Int?) -> Int {
        guard let answerBudget else { return tokens }
        return min(tokens, answerBudget * 3 / 4)
    }
}
