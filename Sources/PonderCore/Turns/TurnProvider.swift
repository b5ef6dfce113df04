/// The provider a turn talks to: its name and model (stored with the answer), how its request
/// settings are found when the turn starts, and how a failure is worded.
public struct TurnProvider: Sendable {
    public var name: String
    public var model: String
    /// The provider's kind: what a continuation can carry depends on it.
    public var kind: ProviderKind
    private let resolve: @Sendable (_ report: @escaping @Sendable (TurnNotice) -> Void) async throws -> ProviderSettings
    private let explainFailure: @Sendable (ChatError) async -> String

    private init(
        name: String, model: String, kind: ProviderKind,
        resolve:
            @escaping @Sendable (_ report: @escaping @Sendable (TurnNotice) -> Void) async throws
            -> ProviderSettings,
        explain: @escaping @Sendable (ChatError) async -> String
    ) {
        self.name = name
        self.model = model
        self.kind = kind
        self.resolve = resolve
        self.explainFailure = explain
    }

    /// Settings found before the turn (`ponder ask` resolves the key and starts the engine first).
    public static func resolved(_ settings: ProviderSettings) -> TurnProvider {
        TurnProvider(
            name: settings.name, model: settings.model, kind: settings.kind, resolve: { _ in settings },
            explain: { $0.message })
    }

    /// A configured provider whose key is resolved for each turn; for the local engine, the engine is
    /// started when it is not running, and a failure says so when the engine died.
    public static func configured(_ provider: ProviderConfig, keys: KeyResolver, engine: LocalEngine?)
        -> TurnProvider
    {
        let engine = provider.kind == .local ? engine : nil
        return TurnProvider(
            name: provider.name, model: provider.model, kind: provider.kind,
            resolve: { report in
                var baseURL = provider.baseURL
                if let engine {
                    let starting = await !engine.isRunning
                    if starting { report(.engineStarting) }
                    defer { if starting { report(.engineStarted) } }
                    baseURL = try await engine.start()
                }
                let key = try await keys.resolveWithoutBlocking(provider)
                return provider.settings(apiKey: key, baseURL: baseURL)
            },
            explain: { error in
                // The engine closes its connections while exiting: give the exit a moment to be seen.
                guard let engine, let ended = await engine.exitDescription(waitingUpTo: .seconds(1)) else {
                    return error.message
                }
                let log = await engine.logPath
                return "The local engine stopped during the answer: \(ended). The partial answer is kept; your next "
                    + "message starts the engine again. Engine log: \(log)"
            })
    }

    /// The request settings, reporting what takes a moment (the engine starting).
    public func settings(report: @escaping @Sendable (TurnNotice) -> Void) async throws -> ProviderSettings {
        try await resolve(report)
    }

    /// The words for a failed request.
    public func explain(_ error: ChatError) async -> String {
        await explainFailure(error)
    }
}
