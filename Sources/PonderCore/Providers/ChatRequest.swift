/// One request to a provider: the settings, the history to send, and an optional prefill.
public struct ChatRequest: Equatable, Sendable {
    public var settings: ProviderSettings
    public var systemPrompt: String?
    /// The conversation so far, oldest first, ending with the user message to answer (or, for a
    /// continuation, with the partial assistant message in `continuation`).
    public var history: [Message]
    /// When continuing an interrupted answer: the partial assistant message to extend.
    public var continuation: Message?

    public init(
        settings: ProviderSettings,
        systemPrompt: String? = nil,
        history: [Message],
        continuation: Message? = nil
    ) {
        self.settings = settings
        self.systemPrompt = systemPrompt
        self.history = history
        self.continuation = continuation
    }
}
