/// One normalized piece of a provider's response, whatever the wire format was.
public enum StreamDelta: Equatable, Sendable {
    case reasoning(String)
    case answer(String)
    case usage(TokenUsage)
    case finished(FinishReason)
    /// A keep-alive comment or ping: the server is alive but has produced nothing yet.
    case keepAlive
    /// An error reported inside the stream (after HTTP 200).
    case failed(ChatError)
    /// The provider's own record of the reasoning, whole (Anthropic thinking blocks with signatures,
    /// OpenRouter reasoning details), just before `.finished`.
    case providerReasoning(ProviderReasoning)
}
