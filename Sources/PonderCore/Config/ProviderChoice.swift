/// Which provider to use when Ponder starts, in the documented order: the command-line flag, else the
/// configured default, else DeepSeek when `DEEPSEEK_API_KEY` is set, else the local engine when it is
/// installed, else the first-run screen.
public enum ProviderChoice: Equatable, Sendable {
    case provider(ProviderConfig)
    /// Nothing usable: explain the options.
    case firstRun
    /// The flag or the default names a provider that does not exist.
    case unknown(name: String, known: [String])

    public static func resolve(
        flag: String?,
        config: PonderConfig,
        environment: [String: String],
        localEngineInstalled: Bool
    ) -> ProviderChoice {
        if let name = flag ?? config.defaultProvider {
            guard let provider = config.providers[name] else {
                return .unknown(name: name, known: config.providers.keys.sorted())
            }
            return .provider(provider)
        }
        if let key = environment["DEEPSEEK_API_KEY"], !key.isEmpty, let deepseek = config.providers["deepseek"] {
            return .provider(deepseek)
        }
        if localEngineInstalled, let local = config.providers["local"] {
            return .provider(local)
        }
        return .firstRun
    }
}
