import ArgumentParser
import PonderCore

/// Ponder's documented exit codes (sysexits-style; see `ponder --help` and the man page).
enum ExitCodes {
    static let failure = ExitCode(1)
    /// The output budget ran out while the model was still thinking: reasoning arrived, no answer.
    static let budgetUsedWhileThinking = ExitCode(3)
    /// Bad command-line usage (also what swift-argument-parser uses).
    static let usage = ExitCode(64)
    /// An import file that is not a Ponder export.
    static let badData = ExitCode(65)
    /// A conversation id or file that does not exist.
    static let notFound = ExitCode(66)
    /// An output file or directory cannot be created or written.
    static let cannotCreate = ExitCode(73)
    /// The conversation store cannot be opened or written (damaged, newer version, disk full).
    static let store = ExitCode(74)
    /// The provider could not be reached (DNS, refused, TLS, timeout, dropped connection).
    static let network = ExitCode(69)
    /// The provider failed or refused the request (4xx other than a rejected key, such as 402 for an
    /// empty balance; 5xx, 429, in-band errors).
    static let server = ExitCode(75)
    /// The API key was missing (not set, or `api_key_cmd` failed) or rejected (401/403).
    static let auth = ExitCode(77)
    /// The config file is invalid.
    static let config = ExitCode(78)
    /// Stopped by Ctrl-C; what arrived was kept.
    static let interrupted = ExitCode(130)

    static func code(for error: ChatError) -> ExitCode {
        switch error.kind {
        case .unauthorized, .forbidden, .missingKey: return auth
        case .network, .timeout, .interrupted: return network
        case .configuration: return config
        case .badRequest, .insufficientBalance, .notFound, .invalidParameters, .rateLimited, .server,
            .serverOverloaded, .inBand, .malformedStream:
            return server
        }
    }
}
