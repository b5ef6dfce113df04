/// The wire dialect a provider speaks.
public enum ProviderKind: String, Sendable, Codable, CaseIterable {
    /// DeepSeek's OpenAI-format API (`reasoning_content`, cache-hit usage, era-specific echo rules).
    case deepseek
    /// Any OpenAI-compatible server: vLLM, llama.cpp, LM Studio, OpenRouter, Ollama's /v1.
    case openai
    /// Ollama's native `/api/chat` NDJSON.
    case ollama
    /// Anthropic's Messages API (also DeepSeek's Anthropic-format endpoint).
    case anthropic
    /// The llama.cpp engine Ponder starts itself; OpenAI-compatible on the wire.
    case local
}
