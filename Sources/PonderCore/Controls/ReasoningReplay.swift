/// Which reasoning of earlier answers a provider gets back in the history of the next request.
public enum ReasoningReplay: Equatable, Sendable {
    /// Never: the provider ignores it (OpenAI-compatible servers, Ollama, llama.cpp, vLLM) or rejects
    /// it (DeepSeek's R1 era).
    case never
    /// Anthropic: an earlier answer's thinking blocks are returned byte for byte with their signatures
    /// when the same model wrote them and this request thinks; otherwise they are dropped.
    case signedThinkingBlocks
    /// OpenRouter: an earlier answer's `reasoning_details`, its streamed fragments merged, go back
    /// unmodified when the same model wrote them.
    case reasoningDetails
}
