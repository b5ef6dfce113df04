import Foundation
import Synchronization

/// Lists the models of every configured provider at once, each within a timeout, for the model picker
/// and `ponder models`. A provider without a key, one that refuses the connection, one that never
/// answers or one that answers with an error gets a line saying so (and its configured models); the
/// listing as a whole never fails and never waits longer than the timeout.
public struct ModelCatalog: Sendable {
    public var config: PonderConfig
    public var environment: [String: String]
    public var timeout: Duration

    public init(config: PonderConfig, environment: [String: String], timeout: Duration = .seconds(5)) {
        self.config = config
        self.environment = environment
        self.timeout = timeout
    }

    /// Every configured provider, in name order, listed concurrently.
    public func listAll(keys: KeyResolver? = nil) async -> [ProviderModels] {
        let keys = keys ?? KeyResolver(environment: environment)
        let client = makeClient()
        let providers = config.providers.values.sorted { $0.name < $1.name }
        let lists = await withTaskGroup(of: (Int, ProviderModels).self) { group in
            for (index, provider) in providers.enumerated() {
                group.addTask { (index, await list(provider, using: client, keys: keys)) }
            }
            var results: [(Int, ProviderModels)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        await client.shutdown()
        return lists
    }

    /// A client whose limits fit the timeout: a refused connection (which the HTTP client retries until
    /// its connect timeout) is reported as refused within half of it, a silent server as silent before
    /// the timeout ends.
    private func makeClient() -> ChatClient {
        let seconds = Self.seconds(timeout)
        return ChatClient(
            configuration: .init(
                connectTimeout: seconds / 2, idleTimeout: seconds, retryPolicy: .init(maxRetries: 0),
                proxy: ProxySettings(environment: environment)))
    }

    /// One provider's models; returns within the timeout whatever the provider does.
    func list(_ provider: ProviderConfig, using client: ChatClient, keys: KeyResolver) async -> ProviderModels {
        if provider.kind == .local { return localModels(provider) }
        let fallback = configured(provider, problem: silentProblem(provider))
        return await Self.first(within: timeout, orElse: fallback) {
            await serverModels(provider, using: client, keys: keys)
        }
    }

    private func silentProblem(_ provider: ProviderConfig) -> String {
        "did not answer within \(Self.format(Self.seconds(timeout))) s at \(provider.baseURL)"
    }

    private func serverModels(_ provider: ProviderConfig, using client: ChatClient, keys: KeyResolver) async
        -> ProviderModels
    {
        let key: APIKey?
        do {
            key = try await keys.resolveWithoutBlocking(provider)
        } catch {
            return configured(provider, problem: Self.keyProblem(provider, error))
        }
        do {
            let models = try await client.listModels(provider.settings(apiKey: key), timeout: timeout * 0.9)
            return ProviderModels(
                provider: provider.name, kind: provider.kind, current: provider.model, models: models, source: .server)
        } catch let error as ChatError where error.kind == .timeout {
            return configured(provider, problem: silentProblem(provider))
        } catch let error as ChatError {
            return configured(provider, problem: Self.listingProblem(provider, error))
        } catch {
            return configured(provider, problem: "could not list models: \(error)")
        }
    }

    private func localModels(_ provider: ProviderConfig) -> ProviderModels {
        let installation = LocalEngineInstallation.default(environment: environment)
        let file = installation.modelName(settings: config.local)
        guard installation.isInstalled || config.local.modelPath != nil, let file else {
            return ProviderModels(
                provider: provider.name, kind: provider.kind, current: provider.model, models: [], source: .modelFile,
                problem: "the local engine is not installed (run make engine in Ponder's source folder)")
        }
        return ProviderModels(
            provider: provider.name, kind: provider.kind, current: file, models: [file], source: .modelFile)
    }

    /// The provider's configured models (its `model` first), with the reason the server's list is missing.
    private func configured(_ provider: ProviderConfig, problem: String) -> ProviderModels {
        var models = provider.model.isEmpty ? [] : [provider.model]
        for model in provider.models where !models.contains(model) { models.append(model) }
        return ProviderModels(
            provider: provider.name, kind: provider.kind, current: provider.model, models: models, source: .config,
            problem: problem)
    }

    static func keyProblem(_ provider: ProviderConfig, _ error: any Error) -> String {
        if case .environment(let name) = provider.keySource { return "no API key (set \(name))" }
        if case .command = provider.keySource { return "the api_key_cmd gave no key" }
        return "no API key: \(error)"
    }

    static func listingProblem(_ provider: ProviderConfig, _ error: ChatError) -> String {
        switch error.kind {
        case .network, .timeout, .interrupted:
            return "cannot be reached at \(provider.baseURL): \(error.message)"
        case .unauthorized, .forbidden:
            return "rejected the API key (\(error.httpStatus.map { "HTTP \($0)" } ?? "refused"))"
        default:
            return "could not list models: \(error.message)"
        }
    }

    /// The result of `work`, or `fallback` once `timeout` has passed — without waiting for `work` to
    /// notice its cancellation.
    static func first<T: Sendable>(
        within timeout: Duration, orElse fallback: T, _ work: @escaping @Sendable () async -> T
    ) async -> T {
        let race = Race()
        return await withCheckedContinuation { continuation in
            let worker = Task {
                let value = await work()
                race.timer.withLock { $0?.cancel() }
                if race.claim() { continuation.resume(returning: value) }
            }
            let sleeper = Task {
                do {
                    try await LoopSleep.sleep(for: timeout)
                } catch {
                    return  // the work finished first
                }
                if race.claim() {
                    worker.cancel()
                    continuation.resume(returning: fallback)
                }
            }
            race.timer.withLock { $0 = sleeper }
        }
    }

    /// Who finished first in `first(within:orElse:_:)`.
    private final class Race: Sendable {
        let settled = Mutex(false)
        let timer = Mutex<Task<Void, Never>?>(nil)

        /// True for the first caller only.
        func claim() -> Bool {
            settled.withLock { done in
                defer { done = true }
                return !done
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
