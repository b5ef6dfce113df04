/// One configured provider and the models it offers — from the server when it can say, else from
/// the config — with the reason in words when the server could not be asked.
public struct ProviderModels: Equatable, Sendable {
    /// Where the list came from.
    public enum Source: String, Equatable, Sendable {
        /// The provider's own model list (`/v1/models`, `/models`, Ollama's `/api/tags`).
        case server
        /// The local engine's model file.
        case modelFile = "model file"
        /// The config: the provider's `model` and its `models` list.
        case config
    }

    /// The provider's name in the config.
    public var provider: String
    public var kind: ProviderKind
    /// The model the provider uses unless a conversation chose another (`model` in the config; for the
    /// local engine its model file).
    public var current: String
    public var models: [String]
    public var source: Source
    /// Why the server was not asked or did not answer (no key, unreachable, timed out, an HTTP error);
    /// nil when the list is the server's.
    public var problem: String?

    public init(
        provider: String, kind: ProviderKind, current: String, models: [String], source: Source,
        problem: String? = nil
    ) {
        self.provider = provider
        self.kind = kind
        self.current = current
        self.models = models
        self.source = source
        self.problem = problem
    }
}
