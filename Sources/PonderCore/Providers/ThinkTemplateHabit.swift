/// Whether a model's chat template writes the opening `<think>` into the prompt, so that the
/// stream starts inside the reasoning and only `</think>` arrives (DeepSeek-R1 distills and QwQ
/// behind servers that pass the text through). The provider's `template_opens_think` decides when
/// set; otherwise servers that pass raw text through (vLLM, llama.cpp, other OpenAI-compatible
/// servers, the local engine) are taken to do it for models known to have that template (Ollama's
/// own templates leave the tag to the model, which then writes it).
/// A server that separates the reasoning itself sends it in a reasoning field first, which switches
/// the inline splitter back (`ContentChannel`), so the guess costs nothing there.
public enum ThinkTemplateHabit {
    /// Lower-case name fragments of models whose templates end the prompt with `<think>`.
    public static let modelFragments = ["deepseek-r1", "r1-distill", "qwq"]

    public static func opensThink(_ settings: ProviderSettings) -> Bool {
        if let chosen = settings.templateOpensThink { return chosen }
        return opensThink(kind: settings.kind, model: settings.model)
    }

    public static func opensThink(kind: ProviderKind, model: String) -> Bool {
        switch kind {
        case .openai, .vllm, .llamacpp, .local:
            let name = model.lowercased()
            return modelFragments.contains { name.contains($0) }
        case .deepseek, .openrouter, .anthropic, .ollama:
            // These send the reasoning in fields of its own, or the whole tagged block.
            return false
        }
    }
}
