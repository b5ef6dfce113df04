import PonderCore

/// What the screen knows about the per-conversation controls: the providers and presets of the config,
/// the provider the app was started with, and the choices of the open conversation (for a new one, the
/// choices it will start with). Pure data; the reducer changes it.
public struct ControlsState: Equatable, Sendable {
    /// Every configured provider, by name.
    public var providers: [String: ProviderConfig] = [:]
    /// The provider used when a conversation has none of its own (`-p`, `default_provider`, …).
    public var fallback: ProviderConfig?
    /// Named system prompts from `[presets]`.
    public var presets: [String: String] = [:]
    /// The local engine's model file name, for the note in an empty thinking panel.
    public var localModelName: String?
    /// The open conversation's choices; for a new conversation, the ones it starts with.
    public var current = ConversationControls()
    /// The model picker's state while it is open (`Overlay.modelPicker`).
    public var picker: ModelPicker?
    /// The editor holds the system prompt (Alt-S): Enter saves it, Esc cancels.
    public var editingSystemPrompt = false

    public init(
        providers: [String: ProviderConfig] = [:], fallback: ProviderConfig? = nil, presets: [String: String] = [:],
        localModelName: String? = nil
    ) {
        self.providers = providers
        self.fallback = fallback
        self.presets = presets
        self.localModelName = localModelName
        if let fallback { current = ConversationControls(provider: fallback.name, model: fallback.model) }
    }

    /// The provider the next answer comes from: the conversation's own while it is configured, else
    /// the fallback.
    public var activeProvider: ProviderConfig? {
        if let name = current.provider, name != fallback?.name, let own = providers[name] { return own }
        return fallback
    }

    /// The request settings the next answer is asked with (without a key: only for what they say about
    /// the model, the thinking level and the budget).
    public var settings: ProviderSettings? {
        guard let provider = activeProvider else { return nil }
        var controls = current
        if controls.provider != provider.name {
            // A provider that is no longer configured: its model means nothing to the fallback.
            controls.provider = provider.name
            controls.model = nil
        }
        return provider.settings(apiKey: nil).applying(controls)
    }

    /// The thinking levels the effort key cycles through; empty when the model's thinking cannot be set.
    public var efforts: [ThinkingEffort] { settings?.capabilities.efforts ?? [] }

    /// The thinking level as the status bar shows it (`high`, `off`, `auto`); nil when it cannot be set.
    public var effortLabel: String? {
        guard let settings, !settings.capabilities.efforts.isEmpty else { return nil }
        return settings.effectiveThinking.name
    }

    /// The answer budget sent with the next request, if any.
    public var budget: Int? { settings?.maxTokens }

    /// The model the next answer comes from.
    public var modelName: String { settings?.model ?? "no model" }

    /// The one line for an empty thinking panel when the model of `message` (nil: the next answer's)
    /// does not show its reasoning; nil when it does or nothing is known.
    public func emptyPanelNote(for message: Message?) -> String? {
        let provider = message?.provider.flatMap { providers[$0] ?? (fallback?.name == $0 ? fallback : nil) }
        guard let kind = provider?.kind ?? activeProvider?.kind else { return nil }
        var model = message?.model ?? modelName
        if kind == .local, let localModelName { model = localModelName }
        let sameModel = message == nil || message?.model == modelName
        let thinking = sameModel ? (settings?.effectiveThinking ?? .auto) : .auto
        return ModelReasoning.emptyPanelNote(model: model, kind: kind, thinking: thinking)
    }
}
