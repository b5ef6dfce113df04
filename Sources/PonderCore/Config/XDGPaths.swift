import Foundation

/// Where Ponder keeps its files, following the XDG base-directory convention.
public struct XDGPaths: Equatable, Sendable {
    public var configHome: URL
    public var dataHome: URL
    public var stateHome: URL

    /// Paths from an environment (`ProcessInfo.processInfo.environment` by default). Relative
    /// or empty XDG variables are ignored, as the specification requires.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        configHome = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("ponder", isDirectory: true)
        dataHome = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("ponder", isDirectory: true)
        stateHome = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("ponder", isDirectory: true)
    }

    /// `$XDG_CONFIG_HOME/ponder/config.toml`.
    public var configFile: URL { configHome.appendingPathComponent("config.toml") }
    /// `$XDG_DATA_HOME/ponder/ponder.sqlite`.
    public var databaseFile: URL { dataHome.appendingPathComponent("ponder.sqlite") }
    /// `$XDG_STATE_HOME/ponder/ponder.log`.
    public var logFile: URL { stateHome.appendingPathComponent("ponder.log") }
    /// `$XDG_DATA_HOME/ponder/engine`: the local engine's virtual environment.
    public var engineDirectory: URL { dataHome.appendingPathComponent("engine", isDirectory: true) }
}
