/// Whether to ask the model to think, and how hard.
public enum ThinkingMode: Equatable, Hashable, Sendable {
    /// Send nothing: the model's own default.
    case auto
    case on
    case off
    /// A named effort level (`low`, `medium`, `high`, `max`…) passed through as the provider expects.
    case effort(String)
}
