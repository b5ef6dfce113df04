import Foundation

/// Where `make engine` installed the local engine: a virtual environment with the xllamacpp wheel and
/// the small SmolLM2 model, plus the launcher script from `Resources/ponder-engine.py`.
public struct LocalEngineInstallation: Equatable, Sendable {
    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `PONDER_ENGINE_DIR` when set, else `$XDG_DATA_HOME/ponder/engine`.
    public static func `default`(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> LocalEngineInstallation {
        if let path = environment["PONDER_ENGINE_DIR"], !path.isEmpty {
            return LocalEngineInstallation(directory: URL(fileURLWithPath: path, isDirectory: true))
        }
        return LocalEngineInstallation(directory: XDGPaths(environment: environment).engineDirectory)
    }

    public var python: URL { directory.appendingPathComponent("venv/bin/python") }
    public var launcher: URL { directory.appendingPathComponent("ponder-engine.py") }

    public var isInstalled: Bool {
        let files = FileManager.default
        return files.isExecutableFile(atPath: python.path) && files.fileExists(atPath: launcher.path)
            && files.fileExists(atPath: directory.appendingPathComponent("installed").path)
    }

    /// What to tell a user whose engine is missing.
    public var notInstalledMessage: String {
        "The local engine is not installed in \(directory.path). Run `make engine` in Ponder's source folder "
            + "(it installs llama.cpp's server and a small model there), or choose another provider with -p."
    }
}
