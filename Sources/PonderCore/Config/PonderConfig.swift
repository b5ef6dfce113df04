/// The whole configuration: built-in providers overlaid with the config file, UI settings, key remaps.
public struct PonderConfig: Equatable, Sendable {
    /// Provider used when the command line names none.
    public var defaultProvider: String?
    public var providers: [String: ProviderConfig]
    public var ui: UISettings
    public var local: LocalEngineSettings
    /// Key remapping: action name -> key description (e.g. "toggle-thinking-panel" = "ctrl-t").
    public var keys: [String: String]
    /// Named system prompts from `[presets]`, picked per conversation.
    public var presets: [String: String]
    /// How reflection points are found in traces (`[trace]`).
    public var trace: TraceSettings
    /// Non-fatal findings (e.g. a readable file holding a literal key), with file and line.
    public var warnings: [ConfigProblem]

    public init(
        defaultProvider: String? = nil,
        providers: [String: ProviderConfig] = [:],
        ui: UISettings = UISettings(),
        local: LocalEngineSettings = LocalEngineSettings(),
        keys: [String: String] = [:],
        trace: TraceSettings = TraceSettings(),
        warnings: [ConfigProblem] = [],
        presets: [String: String] = [:]
    ) {
        self.defaultProvider = defaultProvider
        self.providers = providers
        self.ui = ui
        self.local = local
        self.keys = keys
        self.trace = trace
        self.warnings = warnings
        self.presets = presets
    }
}
