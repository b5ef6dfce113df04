/// Everything needed to talk to one named provider.
public struct ProviderSettings: Equatable, Hashable, Sendable {
    /// The name the user gave it in the config (`deepseek`, `work-vllm`, …).
    public var name: String
    public var kind: ProviderKind
    /// Base URL without the endpoint path, e.g. `https://api.deepseek.com` or `http://127.0.0.1:11434`.
    public var baseURL: String
    public var model: String
    public var apiKey: APIKey?
    public var extraHeaders: [String: String]
    public var thinking: ThinkingMode
    public var maxTokens: Int?
    public var temperature: Double?
    /// Prices in currency units per million tokens, when configured.
    public var prices: TokenPrices?
    /// The chat template writes the opening `<think>` (only `</think>` arrives); nil decides by
    /// kind and model (`ThinkTemplateHabit`).
    public var templateOpensThink: Bool?
    /// Seconds without a byte from the server before a request gives up (`idle_timeout`); nil: the client's default.
    public var idleTimeout: Double?

    public init(
        name: String,
        kind: ProviderKind,
        baseURL: String,
        model: String,
        apiKey: APIKey? = nil,
        extraHeaders: [String: String] = [:],
        thinking: ThinkingMode = .auto,
        maxTokens: Int? = nil,
        temperature: Double? = nil,
        prices: TokenPrices? = nil,
        templateOpensThink: Bool? = nil,
        idleTimeout: Double? = nil
    ) {
        self.templateOpensThink = templateOpensThink
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.extraHeaders = extraHeaders
        self.thinking = thinking
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.prices = prices
        self.idleTimeout = idleTimeout
    }
}

/// Prices per million tokens.
public struct TokenPrices: Equatable, Hashable, Sendable {
    public var input: Double
    public var inputCacheHit: Double?
    public var output: Double
    public var currency: String

    public init(input: Double, inputCacheHit: Double? = nil, output: Double, currency: String = "$") {
        self.input = input
        self.inputCacheHit = inputCacheHit
        self.output = output
        self.currency = currency
    }

    /// Cost of one response's usage, when enough of it is known.
    public func cost(of usage: TokenUsage) -> Double? {
        guard let completion = usage.completionTokens else { return nil }
        let hit = usage.cacheHitTokens ?? 0
        let miss = usage.cacheMissTokens ?? max(0, (usage.promptTokens ?? 0) - hit)
        let inputCost = Double(miss) * input + Double(hit) * (inputCacheHit ?? input)
        return (inputCost + Double(completion) * output) / 1_000_000
    }
}
