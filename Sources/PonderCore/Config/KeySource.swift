/// Where a provider's API key comes from. The key itself is only read when a request needs it.
public enum KeySource: Equatable, Hashable, Sendable {
    /// No key (local servers, Ollama).
    case none
    /// An environment variable, e.g. `DEEPSEEK_API_KEY`.
    case environment(String)
    /// A command whose first output line is the key (a password manager); run once per session.
    case command(String)
    /// A key written into the config file itself.
    case literal(String)

    /// Human words for messages ("the DEEPSEEK_API_KEY environment variable").
    public var description: String {
        switch self {
        case .none: return "no key"
        case .environment(let name): return "the \(name) environment variable"
        case .command(let command): return "the api_key_cmd command `\(command)`"
        case .literal: return "the api_key in the config file"
        }
    }
}
