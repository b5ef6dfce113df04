/// The providers Ponder knows without any config file, with endpoints and keys taken from the
/// usual environment variables (`DEEPSEEK_API_KEY`, `OPENAI_API_KEY`, `OPENAI_BASE_URL`,
/// `ANTHROPIC_API_KEY`, `OPENROUTER_API_KEY`, `OLLAMA_HOST`).
public enum BuiltInProviders {
    public static func all(environment: [String: String]) -> [String: ProviderConfig] {
        let list = [
            ProviderConfig(
                name: "deepseek", kind: .deepseek, baseURL: "https://api.deepseek.com", model: "deepseek-reasoner",
                keySource: .environment("DEEPSEEK_API_KEY")),
            ProviderConfig(
                name: "openai", kind: .openai,
                baseURL: nonEmpty(environment["OPENAI_BASE_URL"]) ?? "https://api.openai.com/v1",
                model: "gpt-4.1-mini", keySource: .environment("OPENAI_API_KEY")),
            ProviderConfig(
                name: "openrouter", kind: .openrouter, baseURL: "https://openrouter.ai/api/v1",
                model: "deepseek/deepseek-r1", keySource: .environment("OPENROUTER_API_KEY"),
                headers: ["X-Title": "Ponder"]),
            ProviderConfig(
                name: "ollama", kind: .ollama, baseURL: ollamaBaseURL(environment["OLLAMA_HOST"]),
                model: "deepseek-r1", thinking: .on),
            ProviderConfig(
                name: "anthropic", kind: .anthropic, baseURL: "https://api.anthropic.com",
                model: "claude-sonnet-4-5", keySource: .environment("ANTHROPIC_API_KEY"), thinking: .on),
            ProviderConfig(name: "local", kind: .local, baseURL: "http://127.0.0.1", model: "local"),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }

    /// `OLLAMA_HOST` may be `host`, `host:port` or a URL; Ollama's default port is 11434.
    static func ollamaBaseURL(_ host: String?) -> String {
        guard var host = nonEmpty(host) else { return "http://127.0.0.1:11434" }
        if !host.contains("://") { host = "http://" + host }
        if let schemeEnd = host.range(of: "://"), !host[schemeEnd.upperBound...].contains(":") {
            host += ":11434"
        }
        return host.hasSuffix("/") ? String(host.dropLast()) : host
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}
