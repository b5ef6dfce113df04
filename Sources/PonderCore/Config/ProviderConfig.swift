/// One named provider as written in the config file (or built in), before its key is resolved.
public struct ProviderConfig: Equatable, Hashable, Sendable {
    public var name: String
    public var kind: ProviderKind
    public var baseURL: String
    public var model: String
    public var keySource: KeySource
    public var headers: [String: String]
    public var thinking: ThinkingMode
    public var maxTokens: Int?
    public var temperature: Double?
    public var prices: TokenPrices?
    /// `idle_timeout`: seconds without a byte from the server before a request gives up.
    public var idleTimeout: Double?
    /// `api_key_cmd_timeout`: seconds `api_key_cmd` may run before Ponder stops it.
    public var keyCommandTimeout: Double
    /// Models to offer when the server cannot list its own (`models = [...]`).
    public var models: [String]
    /// `template_opens_think`: the server's chat template writes the opening `<think>` itself, so
    /// the stream starts inside the reasoning; nil decides by kind and model (`ThinkTemplateHabit`).
    public var templateOpensThink: Bool?

    public init(
        name: String,
        kind: ProviderKind,
        baseURL: String,
        model: String,
        keySource: KeySource = .none,
        headers: [String: String] = [:],
        thinking: ThinkingMode = .auto,
        maxTokens: Int? = nil,
        temperature: Double? = nil,
        prices: TokenPrices? = nil,
        idleTimeout: Double? = nil,
        keyCommandTimeout: Double = ProviderConfig.defaultKeyCommandTimeout,
        models: [String] = []
    ) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.model = model
        self.keySource = keySource
        self.headers = headers
        self.thinking = thinking
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.prices = prices
        self.idleTimeout = idleTimeout
        self.keyCommandTimeout = keyCommandTimeout
        self.models = models
    }

    /// Seconds `api_key_cmd` may run unless `api_key_cmd_timeout` says otherwise: long enough to type
    /// a password manager's passphrase, short enough that a command waiting for input it never gets
    /// does not hang Ponder.
    public static let defaultKeyCommandTimeout: Double = 60
}

extension ProviderConfig {
    /// The request settings for this provider with its resolved key; `baseURL` overrides the
    /// configured one (the local engine's port is only known once it runs).
    public func settings(apiKey: APIKey?, baseURL: String? = nil) -> ProviderSettings {
        ProviderSettings(
            name: name, kind: kind, baseURL: baseURL ?? self.baseURL, model: model, apiKey: apiKey,
            extraHeaders: headers, thinking: thinking, maxTokens: maxTokens, temperature: temperature,
            prices: prices, templateOpensThink: templateOpensThink, idleTimeout: idleTimeout)
    }
}
