/// Default endpoints and models per provider kind, for configs that leave them out.
public enum ProviderDefaults {
    public static func baseURL(for kind: ProviderKind) -> String {
        switch kind {
        case .deepseek: return "https://api.deepseek.com"
        case .openai: return "https://api.openai.com/v1"
        case .openrouter: return "https://openrouter.ai/api/v1"
        case .vllm: return "http://127.0.0.1:8000/v1"
        case .llamacpp: return "http://127.0.0.1:8080"
        case .ollama: return "http://127.0.0.1:11434"
        case .anthropic: return "https://api.anthropic.com"
        case .local: return "http://127.0.0.1:8080"
        }
    }

    public static func model(for kind: ProviderKind) -> String? {
        switch kind {
        case .deepseek: return "deepseek-reasoner"
        case .anthropic: return "claude-sonnet-4-5"
        case .openai, .openrouter, .vllm, .llamacpp, .ollama, .local: return nil
        }
    }

    /// The Anthropic API version header value sent with every Messages request.
    public static let anthropicVersion = "2023-06-01"

    /// The instruction appended when a provider without prefix completion continues a cut-off answer.
    public static let continueInstruction =
        "Your previous answer was cut off. Continue it exactly where it stopped, without repeating anything."

    /// Joins a base URL and a path without doubling or dropping the slash between them.
    static func join(_ baseURL: String, _ path: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// True when the base URL already ends in an API version segment such as `/v1`.
    static func endsWithVersion(_ baseURL: String) -> Bool {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard let slash = base.lastIndex(of: "/") else { return false }
        let segment = base[base.index(after: slash)...]
        return segment.count >= 2 && segment.first == "v" && segment.dropFirst().allSatisfy(\.isNumber)
    }
}
