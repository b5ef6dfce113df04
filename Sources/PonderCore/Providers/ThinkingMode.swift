/// What the request says about thinking: nothing (`auto`, the model's default) or a level.
public enum ThinkingMode: Equatable, Hashable, Sendable {
    /// Send nothing: the model's own default.
    case auto
    case level(ThinkingEffort)

    public static var off: ThinkingMode { .level(.off) }
    public static var on: ThinkingMode { .level(.on) }

    /// The level, nil for `auto`.
    public var effort: ThinkingEffort? {
        if case .level(let effort) = self { return effort }
        return nil
    }

    /// The name used in the config file and the status bar (`auto`, `off`, `high`, …).
    public var name: String { effort?.rawValue ?? "auto" }
}
