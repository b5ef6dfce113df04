/// Turns a `ChatRequest` into the HTTP request its provider kind expects, and names the endpoint that
/// lists models. Dispatches to one builder per kind.
public enum RequestBuilder {
    public static func chatRequest(for request: ChatRequest) -> PreparedRequest {
        switch request.settings.kind {
        case .deepseek: return DeepSeekRequestBuilder.build(request)
        case .openai, .openrouter, .vllm, .llamacpp, .local: return OpenAIRequestBuilder.build(request)
        case .ollama: return OllamaRequestBuilder.build(request)
        case .anthropic: return AnthropicRequestBuilder.build(request)
        }
    }

    /// The GET request that lists the provider's models.
    public static func modelsRequest(for settings: ProviderSettings) -> PreparedRequest {
        let url: String
        var headers: [(name: String, value: String)] = [("accept", "application/json")]
        switch settings.kind {
        case .deepseek:
            url = ProviderDefaults.join(settings.baseURL, "/models")
            if let key = settings.apiKey { headers.append(("authorization", "Bearer \(key.value)")) }
        case .openai, .openrouter, .vllm, .llamacpp, .local:
            let path = ProviderDefaults.endsWithVersion(settings.baseURL) ? "/models" : "/v1/models"
            url = ProviderDefaults.join(settings.baseURL, path)
            if let key = settings.apiKey { headers.append(("authorization", "Bearer \(key.value)")) }
        case .ollama:
            url = ProviderDefaults.join(settings.baseURL, "/api/tags")
            if let key = settings.apiKey { headers.append(("authorization", "Bearer \(key.value)")) }
        case .anthropic:
            url = ProviderDefaults.join(settings.baseURL, "/v1/models")
            headers.append(("anthropic-version", ProviderDefaults.anthropicVersion))
            if let key = settings.apiKey { headers.append(("x-api-key", key.value)) }
        }
        return PreparedRequest(method: "GET", url: url, headers: headers + extra(settings), body: nil)
    }

    /// Model ids from a models-list response body (`data[].id`, or Ollama's `models[].name`).
    public static func modelNames(fromBody body: JSONValue) -> [String] {
        if let data = body["data"]?.arrayValue {
            return data.compactMap { $0["id"]?.stringValue }
        }
        if let models = body["models"]?.arrayValue {
            return models.compactMap { $0["name"]?.stringValue ?? $0["model"]?.stringValue }
        }
        return []
    }

    /// Headers every JSON POST carries, then the bearer token, then the user's extra headers.
    static func jsonHeaders(_ settings: ProviderSettings, accept: String, bearer: Bool = true)
        -> [(name: String, value: String)]
    {
        var headers: [(name: String, value: String)] = [("content-type", "application/json"), ("accept", accept)]
        if bearer, let key = settings.apiKey { headers.append(("authorization", "Bearer \(key.value)")) }
        return headers + extra(settings)
    }

    static func extra(_ settings: ProviderSettings) -> [(name: String, value: String)] {
        settings.extraHeaders.keys.sorted().map { ($0.lowercased(), settings.extraHeaders[$0]!) }
    }
}
