/// The wire dialect a provider speaks.
public enum ProviderKind: String, Sendable, Codable, CaseIterable {
    /// DeepSeek's OpenAI-format API (`reasoning_content`, cache-hit usage, era-specific echo rules).
    case deepseek
    /// Any OpenAI-compatible server: OpenAI itself, LM Studio, Ollama's /v1, gateways.
    case openai
    /// OpenRouter: OpenAI format with its own `reasoning` request object and `reasoning_details`.
    case openrouter
    /// A vLLM server: OpenAI format; thinking is switched by the chat template (`enable_thinking`).
    case vllm
    /// A llama.cpp server (`llama-server`) run by the user: OpenAI format, template switch and a
    /// per-request thinking budget.
    case llamacpp
    /// Ollama's native `/api/chat` NDJSON.
    case ollama
    /// Anthropic's Messages API (also DeepSeek's Anthropic-format endpoint).
    case anthropic
    /// The llama.cpp engine Ponder starts itself; the same wire as `llamacpp`.
    case local

    /// Kinds that speak OpenAI's chat-completions format.
    public var speaksOpenAIFormat: Bool {
        switch self {
        case .deepseek, .openai, .openrouter, .vllm, .llamacpp, .local: return true
        case .ollama, .anthropic: return false
        }
    }
}
