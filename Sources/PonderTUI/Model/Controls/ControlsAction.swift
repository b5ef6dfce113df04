/// The per-conversation controls: model, thinking effort, system prompt, answer budget.
public enum ControlsAction: Hashable, Sendable {
    /// Opens the model picker (its models are listed from the servers meanwhile).
    case pickModel
    /// Steps the thinking effort to the next level the provider supports.
    case cycleEffort
    /// Puts the system prompt in the editor: Enter saves it, Esc cancels.
    case editSystemPrompt
    /// Opens the list of `[presets]` to use one as the system prompt.
    case pickPreset
    /// Asks for the answer budget (the most output tokens an answer may use).
    case setBudget
}
