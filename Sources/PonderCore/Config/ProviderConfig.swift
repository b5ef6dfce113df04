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
        self.models = models
    }
}

extension ProviderConfig {
    /// The request settings for this provider with its resolved key; `baseURL` overrides the
    /// configured one (the local engine's port is only known once it runs).
    public func settings(apiKey: APIKey?, baseURL: String? = nil) -> ProviderSettings {
        ProviderSettings(
            name: name, kind: kind, baseURL: baseURL ?? self.baseURL, model: model, apiKey: apiKey,
            extraHeaders: headers, thinking: thinking, maxTokens: maxTokens, temperature: temperature,
            prices: prices, templateOpensThink: templateOpensThink)
    }
}
