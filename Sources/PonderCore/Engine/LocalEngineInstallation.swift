import Foundation

/// Where `ponder engine install` set up the local engine: a virtual environment with the pinned
/// xllamacpp wheel and the small SmolLM2 model, and the `installed` file naming the pins it holds.
/// The launcher script ships with the binary (`EngineLauncher`), not in this folder.
public struct LocalEngineInstallation: Equatable, Sendable {
    public var directory: URL
    private var launcherOverride: URL?

    /// `launcher` replaces the launcher shipped with the running binary.
    public init(directory: URL, launcher: URL? = nil) {
        self.directory = directory
        launcherOverride = launcher
    }

    /// `PONDER_ENGINE_DIR` when set, else `$XDG_DATA_HOME/ponder/engine`.
    public static func `default`(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> LocalEngineInstallation {
        if let path = environment["PONDER_ENGINE_DIR"], !path.isEmpty {
            return LocalEngineInstallation(directory: URL(fileURLWithPath: path, isDirectory: true))
        }
        return LocalEngineInstallation(directory: XDGPaths(environment: environment).engineDirectory)
    }

    public var environmentFolder: URL { directory.appendingPathComponent("venv", isDirectory: true) }
    public var python: URL { environmentFolder.appendingPathComponent("bin/python") }
    /// Holds the pins of a finished installation (`EnginePackage.stamp`); written last.
    public var stampFile: URL { directory.appendingPathComponent("installed") }
    /// The launcher script the engine is started through.
    public var launcher: URL { launcherOverride ?? EngineLauncher.shipped ?? EngineLauncher.expectedLocation }

    public var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: python.path)
            && FileManager.default.fileExists(atPath: stampFile.path)
    }

    /// What to tell a user whose engine is missing.
    public var notInstalledMessage: String {
        "The local engine is not installed in \(directory.path). Run `ponder engine install` (it sets up "
            + "llama.cpp's server and a small model there), or choose another provider with -p."
    }

    /// What to tell a user whose launcher script is missing.
    public var launcherMissingMessage: String {
        "Ponder's engine launcher is missing: \(launcher.path) does not exist. Reinstall Ponder: the launcher "
            + "ships in share/ponder/ beside bin/ponder."
    }
}
