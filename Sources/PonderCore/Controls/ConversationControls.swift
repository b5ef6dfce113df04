/// The choices a conversation makes for itself; nil fields follow the config. A choice applies from
/// the conversation's next request on and is saved with it.
public struct ConversationControls: Equatable, Hashable, Sendable {
    /// The provider by its config name.
    public var provider: String?
    /// The model; used only while `provider` is the provider in use (another provider's model name
    /// means nothing to it).
    public var model: String?
    public var effort: ThinkingEffort?
    /// The most output tokens, reasoning included, an answer may use.
    public var maxOutputTokens: Int?
    public var systemPrompt: String?

    public init(
        provider: String? = nil, model: String? = nil, effort: ThinkingEffort? = nil, maxOutputTokens: Int? = nil,
        systemPrompt: String? = nil
    ) {
        self.provider = provider
        self.model = model
        self.effort = effort
        self.maxOutputTokens = maxOutputTokens
        self.systemPrompt = systemPrompt
    }

    /// The provider this conversation continues on: its own, while the config still has it.
    public func configuredProvider(in config: PonderConfig) -> ProviderConfig? {
        provider.flatMap { config.providers[$0] }
    }
}

extension Conversation {
    /// The conversation's own choices.
    public var controls: ConversationControls {
        get {
            ConversationControls(
                provider: provider, model: model, effort: effort, maxOutputTokens: maxOutputTokens,
                systemPrompt: systemPrompt)
        }
        set {
            provider = newValue.provider
            model = newValue.model
            effort = newValue.effort
            maxOutputTokens = newValue.maxOutputTokens
            systemPrompt = newValue.systemPrompt
        }
    }
}
