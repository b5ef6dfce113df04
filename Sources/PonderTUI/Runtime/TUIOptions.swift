import Foundation
import PonderCore

/// What the command line passes to the full-screen app.
public struct TUIOptions: Sendable {
    public var environment: [String: String]
    /// The loaded configuration (UI settings, the local engine's settings).
    public var config: PonderConfig
    /// The provider to talk to, or `.firstRun` for the setup explanation.
    public var providerChoice: ProviderChoice
    /// The conversation database; nil uses `$XDG_DATA_HOME/ponder/ponder.sqlite`.
    public var storeURL: URL?
    /// The conversation to open; nil opens the most recent one.
    public var conversationID: ConversationID?
    /// Open on the conversation browser (`ponder --browse`).
    public var startInBrowser: Bool

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        config: PonderConfig = PonderConfig(),
        providerChoice: ProviderChoice = .firstRun,
        storeURL: URL? = nil,
        conversationID: ConversationID? = nil,
        startInBrowser: Bool = false
    ) {
        self.startInBrowser = startInBrowser
        self.environment = environment
        self.config = config
        self.providerChoice = providerChoice
        self.storeURL = storeURL
        self.conversationID = conversationID
    }

    /// The provider in use, if one is usable.
    var provider: ProviderConfig? {
        if case .provider(let provider) = providerChoice { return provider }
        return nil
    }

    /// The plain-words setup steps shown when no provider is usable.
    var firstRunHelp: [String]? {
        switch providerChoice {
        case .provider: return nil
        case .firstRun:
            return [
                "Welcome to Ponder — no model is set up yet.",
                "To use DeepSeek: quit (Ctrl-Q), run  export DEEPSEEK_API_KEY=sk-…  and start ponder again.",
                "To run a small model on this machine: quit, run  ponder engine install  and start ponder again.",
                "Or add a [providers.NAME] section to \(ConfigLoader.configURL(environment: environment).path)"
                    + " and set default_provider = \"NAME\".",
            ]
        case .unknown(let name, let known):
            return [
                "There is no provider named \"\(Sanitizer.sanitizeLine(name))\".",
                "Known providers: \(known.joined(separator: ", ")).",
                "Fix default_provider in \(ConfigLoader.configURL(environment: environment).path) or pick one of these.",
            ]
        }
    }
}
