import ArgumentParser
import Foundation
import Logging
import PonderCore

/// What the commands that talk to a provider start from: the environment, the XDG paths and the
/// loaded config. Loading fails as a whole on a bad config file (exit 78, every problem listed) and
/// prints the config's warnings on stderr.
struct CommandContext {
    var environment: [String: String]
    var paths: XDGPaths
    var config: PonderConfig

    /// Loads the config named by `PONDER_CONFIG` or `$XDG_CONFIG_HOME/ponder/config.toml`.
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CommandContext {
        let config = try ConfigLoader.load(environment: environment)
        for warning in config.warnings { printError("warning: \(warning.description)") }
        return CommandContext(environment: environment, paths: XDGPaths(environment: environment), config: config)
    }

    /// The provider in the documented order (flag, configured default, DeepSeek when
    /// `DEEPSEEK_API_KEY` is set, the installed local engine), with `model` replacing its model.
    /// Nil when nothing is usable.
    func providerChoice(flag: String?, model: String?) throws -> ProviderConfig? {
        let installed = LocalEngineInstallation.default(environment: environment).isInstalled
        switch ProviderChoice.resolve(
            flag: flag, config: config, environment: environment, localEngineInstalled: installed)
        {
        case .provider(var provider):
            if let model, !model.isEmpty { provider.model = model }
            return provider
        case .unknown(let name, let known):
            throw CLIError(
                "no provider named \"\(name)\"; the configured providers are \(known.joined(separator: ", "))",
                exitCode: ExitCodes.usage)
        case .firstRun:
            return nil
        }
    }

    /// Like `providerChoice`, but nothing usable is an error that explains the options.
    func provider(flag: String?, model: String?) throws -> ProviderConfig {
        guard let provider = try providerChoice(flag: flag, model: model) else {
            throw CLIError(
                "no provider to use: name one with -p NAME or default_provider in "
                    + "\(ConfigLoader.configURL(environment: environment).path), set DEEPSEEK_API_KEY, "
                    + "or install the local engine with `ponder engine install`",
                exitCode: ExitCodes.config)
        }
        return provider
    }

    /// The provider's settings with its key resolved (a `ChatError` of kind `.missingKey` says
    /// what to fix when the key cannot be read).
    func settings(for provider: ProviderConfig) throws -> ProviderSettings {
        let key = try KeyResolver(environment: environment).resolve(provider)
        return provider.settings(apiKey: key)
    }

    /// The local engine for the `local` provider, not yet started.
    func localEngine() throws -> LocalEngine {
        let installation = LocalEngineInstallation.default(environment: environment)
        guard installation.isInstalled else {
            throw CLIError(installation.notInstalledMessage, exitCode: ExitCodes.config)
        }
        return LocalEngine(
            installation: installation, settings: config.local,
            logFile: paths.stateHome.appendingPathComponent("engine.log"))
    }

    /// Opens the store at `$XDG_DATA_HOME/ponder/ponder.sqlite`.
    func openStore() throws -> ConversationStore {
        try StoreAccess.open(paths: paths)
    }
}
