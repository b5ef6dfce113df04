import Foundation

/// What one provider kind (and model) supports of the per-conversation controls: the thinking levels a
/// key cycles through, the request field that carries the answer budget, and which earlier reasoning
/// is sent back. The request builders send only what is listed here; README's table is this type.
public struct ProviderCapabilities: Equatable, Sendable {
    /// The levels the effort key cycles through, in order; empty when thinking cannot be controlled
    /// for this model (a model known not to reason on an API that rejects the setting).
    public var efforts: [ThinkingEffort]
    /// Where the answer budget goes in the request body (`max_tokens`, `max_completion_tokens`,
    /// `options.num_predict`).
    public var budgetField: String
    public var reasoningReplay: ReasoningReplay

    public init(efforts: [ThinkingEffort], budgetField: String, reasoningReplay: ReasoningReplay) {
        self.efforts = efforts
        self.budgetField = budgetField
        self.reasoningReplay = reasoningReplay
    }

    public static func of(_ settings: ProviderSettings) -> ProviderCapabilities {
        of(kind: settings.kind, model: settings.model, baseURL: settings.baseURL)
    }

    public static func of(kind: ProviderKind, model: String, baseURL: String) -> ProviderCapabilities {
        let name = model.lowercased()
        switch kind {
        case .deepseek:
            // DeepSeek's reasoning_effort takes low, high and max (it maps medium to high itself).
            return ProviderCapabilities(
                efforts: [.off, .low, .high, .max], budgetField: "max_tokens", reasoningReplay: .never)
        case .openai:
            let official = isOpenAIHost(baseURL)
            // OpenAI rejects reasoning_effort for models that do not reason.
            let efforts: [ThinkingEffort] =
                official && ModelReasoning.classify(name) == .doesNotReason ? [] : [.off, .low, .medium, .high]
            return ProviderCapabilities(
                efforts: efforts, budgetField: official ? "max_completion_tokens" : "max_tokens",
                reasoningReplay: .never)
        case .openrouter:
            return ProviderCapabilities(
                efforts: [.off, .low, .medium, .high, .max], budgetField: "max_tokens",
                reasoningReplay: .reasoningDetails)
        case .vllm:
            return ProviderCapabilities(efforts: [.off, .on], budgetField: "max_tokens", reasoningReplay: .never)
        case .llamacpp, .local:
            return ProviderCapabilities(
                efforts: [.off, .low, .medium, .high, .max], budgetField: "max_tokens", reasoningReplay: .never)
        case .ollama:
            let efforts: [ThinkingEffort]
            if name.contains("gpt-oss") {
                efforts = [.low, .medium, .high]  // its thinking cannot be switched off, only graded
            } else if ModelReasoning.classify(name) == .doesNotReason {
                efforts = []  // `think` on a model without thinking is an error
            } else {
                efforts = [.off, .on]
            }
            return ProviderCapabilities(efforts: efforts, budgetField: "options.num_predict", reasoningReplay: .never)
        case .anthropic:
            let efforts: [ThinkingEffort] =
                ClaudeThinkingForm.of(model: name) == .adaptiveOnly
                ? [.low, .medium, .high, .max] : [.off, .low, .medium, .high, .max]
            return ProviderCapabilities(
                efforts: efforts, budgetField: "max_tokens", reasoningReplay: .signedThinkingBlocks)
        }
    }

    /// The thinking actually requested for `mode`. A level this provider lacks moves to the nearest one
    /// it has (ties go up, as DeepSeek maps medium to high); `on` stands for any graded level where only
    /// on and off exist, and `off` becomes the lowest level where thinking cannot be switched off. With no
    /// levels at all, nothing is sent.
    public func effective(_ mode: ThinkingMode) -> ThinkingMode {
        guard case .level(let wanted) = mode else { return .auto }
        if efforts.isEmpty { return .auto }
        if efforts.contains(wanted) { return mode }
        let graded = efforts.filter { $0.gradedRank != nil }
        switch wanted {
        case .on:
            return mode
        case .off:
            return graded.first.map(ThinkingMode.level) ?? .auto
        case .low, .medium, .high, .max:
            guard let rank = wanted.gradedRank, !graded.isEmpty else {
                return efforts.contains(.on) ? .on : .auto
            }
            let nearest = graded.min { a, b in
                let da = abs((a.gradedRank ?? 0) - rank)
                let db = abs((b.gradedRank ?? 0) - rank)
                return da != db ? da < db : (a.gradedRank ?? 0) > (b.gradedRank ?? 0)
            }
            return nearest.map(ThinkingMode.level) ?? .auto
        }
    }

    /// OpenAI's own API, which wants `max_completion_tokens` and knows which models reason.
    static func isOpenAIHost(_ baseURL: String) -> Bool {
        guard let host = URLComponents(string: baseURL)?.host?.lowercased() else { return false }
        return host == "api.openai.com" || host.hasSuffix(".openai.azure.com")
    }
}
