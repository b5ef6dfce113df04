/// Whether a model is known to show a chain of thought, judged from its name and the thinking
/// setting — for the one-line note in an empty thinking panel.
public enum ModelReasoning: Equatable, Sendable {
    /// Streams its reasoning (R1 and its distills, Qwen3, QwQ, deepseek-reasoner, Claude with thinking).
    case reasons
    /// Reasons, but the provider never returns the text (OpenAI's o-series and GPT-5 on OpenAI's API).
    case hidesReasoning
    /// Answers without thinking (SmolLM2, Llama 3, Mistral, Gemma, GPT-4o, deepseek-chat…), or thinking
    /// was switched off.
    case doesNotReason
    case unknown

    /// `model` is the model id, or for the local engine its GGUF file name.
    public static func of(model: String, kind: ProviderKind, thinking: ThinkingMode = .auto) -> ModelReasoning {
        if thinking == .off { return .doesNotReason }
        let name = model.lowercased()
        switch kind {
        case .anthropic:
            guard name.contains("claude") else { return thinking == .auto ? .unknown : .reasons }
            if ClaudeThinkingForm.of(model: name) == .adaptiveOnly { return .reasons }
            return thinking == .auto ? .doesNotReason : .reasons
        case .deepseek:
            if name == "deepseek-chat" && thinking == .auto { return .doesNotReason }
            return name.hasPrefix("deepseek") ? .reasons : classify(name)
        case .openai:
            if isOpenAIHiddenReasoner(name) { return .hidesReasoning }
            return classify(name)
        case .openrouter, .vllm, .llamacpp, .ollama, .local:
            return classify(name)
        }
    }

    /// The sentence for an empty thinking panel: why it is empty and which setting or command gets a
    /// model that reasons; nil when the model reasons or nothing is known about it.
    public static func emptyPanelNote(model: String, kind: ProviderKind, thinking: ThinkingMode = .auto) -> String? {
        let shown = displayName(model)
        switch of(model: model, kind: kind, thinking: thinking) {
        case .reasons, .unknown:
            return nil
        case .hidesReasoning:
            return "\(shown) reasons, but OpenAI does not send its reasoning, so this panel stays empty "
                + "(the reasoning tokens are still counted)."
        case .doesNotReason:
            if thinking == .off {
                return "Thinking is off for this conversation, so this panel stays empty."
            }
            return "\(shown) answers without thinking, so this panel stays empty. " + remedy(kind: kind, model: model)
        }
    }

    private static func remedy(kind: ProviderKind, model: String) -> String {
        switch kind {
        case .local:
            return "For a model that reasons, set model_path in [local] to an R1 distill or Qwen3 GGUF, "
                + "or use Ollama (ponder -p ollama -m qwen3) or DeepSeek (set DEEPSEEK_API_KEY)."
        case .ollama:
            return "Pull one that reasons (ollama pull qwen3, or deepseek-r1) and choose it with -m."
        case .deepseek:
            return "Use deepseek-reasoner (-m deepseek-reasoner) or set thinking = \"on\" for this provider."
        case .anthropic:
            return "Set thinking = \"on\" (or an effort such as \"high\") for this provider in the config file."
        case .openai, .openrouter, .vllm, .llamacpp:
            return "Choose a model that reasons with -m (an R1 distill, Qwen3, QwQ or gpt-oss)."
        }
    }

    /// A GGUF path shows as its file name.
    private static func displayName(_ model: String) -> String {
        let file = model.split(separator: "/").last.map(String.init) ?? model
        return file.isEmpty ? model : file
    }

    private static func isOpenAIHiddenReasoner(_ name: String) -> Bool {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return ["o1", "o3", "o4-mini", "gpt-5"].contains {
            base == $0 || base.hasPrefix($0 + "-") || base.hasPrefix($0 + ".")
        }
    }

    /// Name patterns, reasoning ones first: a distill (`DeepSeek-R1-Distill-Llama-8B`) is a Llama by
    /// name but reasons.
    static func classify(_ name: String) -> ModelReasoning {
        if name.contains("instruct-2507") || name.contains("non-thinking") || name.contains("nothink") {
            return .doesNotReason
        }
        let reasoning = [
            "deepseek-r1", "r1-distill", "-r1-", "deepseek-reasoner", "qwq", "qwen3", "gpt-oss", "magistral",
            "thinking", "reasoning", "reasoner", "openthinker", "deepscaler", "exaone-deep", "glm-z1", "glm-4.5",
            "glm-4.6", "minimax-m1", "minimax-m2", "seed-oss", "deepseek-v3.1", "deepseek-v3.2", "deepseek-v4",
        ]
        if reasoning.contains(where: name.contains) || name.hasPrefix("r1-") || name.hasSuffix("-r1") {
            return .reasons
        }
        let plain = [
            "smollm", "llama", "mistral", "mixtral", "gemma", "phi-2", "phi-3", "phi3", "qwen2", "qwen-2", "tinyllama",
            "gpt-4o", "gpt-4.1", "gpt-3.5", "gpt-4-", "deepseek-chat", "deepseek-v3", "deepseek-coder",
            "command-r", "olmo", "granite-3.0", "granite-3.1", "stablelm", "falcon", "vicuna",
        ]
        if plain.contains(where: name.contains) || name == "gpt-4" { return .doesNotReason }
        return .unknown
    }
}
