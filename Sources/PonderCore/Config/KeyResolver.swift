import Foundation

/// Turns a `KeySource` into an `APIKey`. Commands (`api_key_cmd`) run at most once per process;
/// their result is kept in memory only.
public final class KeyResolver: @unchecked Sendable {
    private let environment: [String: String]
    private let lock = NSLock()
    private var commandResults: [String: String] = [:]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The provider's key, running its `api_key_cmd` for at most its `api_key_cmd_timeout`.
    public func resolve(_ provider: ProviderConfig) throws -> APIKey? {
        try resolve(provider.keySource, provider: provider.name, commandTimeout: provider.keyCommandTimeout)
    }

    /// `resolve` for a task: a command not yet run runs on a thread of its own, so the event loops that
    /// run tasks and read every stream never wait for it (a command may wait seconds for a password
    /// manager). Not on libdispatch's global queue either: its first worker starts a timer that wakes
    /// the app every second from then on (docs/decisions.md, "No thread wakes while nothing streams").
    public func resolveWithoutBlocking(_ provider: ProviderConfig) async throws -> APIKey? {
        guard case .command = provider.keySource else { return try resolve(provider) }
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try self.resolve(provider) }) }
        }
    }

    /// The key, nil for `.none`; throws a `ChatError` of kind `.missingKey` saying what to fix.
    public func resolve(
        _ source: KeySource, provider: String, commandTimeout: Double = ProviderConfig.defaultKeyCommandTimeout
    ) throws -> APIKey? {
        switch source {
        case .none:
            return nil
        case .literal(let value):
            return APIKey(value: value, source: source.description)
        case .environment(let name):
            guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
            else {
                throw ChatError(
                    kind: .missingKey,
                    message: "No API key for \(provider): \(name) is not set. Export it (export \(name)=…) "
                        + "or set api_key_cmd for [providers.\(provider)] in the config file.")
            }
            return APIKey(value: value, source: source.description)
        case .command(let command):
            return APIKey(
                value: try run(command, provider: provider, timeout: commandTimeout), source: source.description)
        }
    }

    private func run(_ command: String, provider: String, timeout: Double) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let cached = commandResults[command] { return cached }
        let check = "Run `\(command)` in a shell to see its messages"
        let failure: String
        switch KeyCommand.run(command, timeout: timeout) {
        case .printed(let output):
            let firstLine =
                output.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !firstLine.isEmpty {
                commandResults[command] = firstLine
                return firstLine
            }
            failure = "api_key_cmd for \(provider) printed no key. \(check); its first line of output must be the key."
        case .failed(let status):
            failure =
                "api_key_cmd for \(provider) failed with exit status \(status). \(check) (Ponder does not show them: "
                + "they may hold a prompt or the key)."
        case .killed(let signal):
            failure = "api_key_cmd for \(provider) was killed by signal \(signal). \(check)."
        case .timedOut:
            failure =
                "api_key_cmd for \(provider) did not finish within \(ChatError.seconds(timeout)) and was stopped. \(check); "
                + "if it waits for a passphrase, unlock it first, or raise api_key_cmd_timeout in [providers.\(provider)]."
        case .notStarted(let reason):
            failure = "Could not run api_key_cmd for \(provider) (\(reason))."
        }
        throw ChatError(kind: .missingKey, message: failure)
    }
}
