/// Why a provider ended a response.
public enum FinishReason: String, Equatable, Sendable, Codable {
    case stop
    /// Hit `max_tokens` or the context limit (possibly while still reasoning).
    case length
    case contentFilter
    case toolCalls
    /// DeepSeek's `insufficient_system_resource`: cut short by the provider's capacity.
    case insufficientResources
    case other
    /// The response ended properly (`[DONE]`, `message_stop`, `done`) without saying why: it may or
    /// may not be complete.
    case unspecified
}
