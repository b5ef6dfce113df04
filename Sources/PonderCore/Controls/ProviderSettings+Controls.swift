extension ProviderSettings {
    /// These settings with a conversation's choices on top: its model (while it is on this provider),
    /// its thinking level instead of the configured `thinking`, its budget instead of `max_tokens`.
    public func applying(_ controls: ConversationControls) -> ProviderSettings {
        var settings = self
        if let model = controls.model, !model.isEmpty, controls.provider == nil || controls.provider == name {
            settings.model = model
        }
        if let effort = controls.effort { settings.thinking = .level(effort) }
        if let budget = controls.maxOutputTokens { settings.maxTokens = budget }
        return settings
    }
}

extension ProviderSettings {
    /// What these settings' provider can do (see `ProviderCapabilities`).
    public var capabilities: ProviderCapabilities { ProviderCapabilities.of(self) }

    /// The thinking the request asks for: `thinking`, moved to a level the provider supports.
    public var effectiveThinking: ThinkingMode { capabilities.effective(thinking) }
}
