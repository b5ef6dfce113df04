import ArgumentParser
import Foundation
import PonderCore

/// `ponder engine status`: what the engine folder holds, read from its files; exits 1 unless ready.
struct EngineStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether the local engine is installed and up to date.",
        discussion: "Exits with 0 when the engine is ready, 1 when `ponder engine install` has something to do.")

    func run() throws {
        let status = LocalEngineStatus(of: EngineCommand.installation)
        let out = StandardStream.output
        let folder = status.installation.directory.path
        switch status.state {
        case .notInstalled:
            out.line("The local engine is not installed in \(folder).")
            out.line("Run `ponder engine install` to set it up (\(EngineCommand.pinnedPackages)).")
        case .incomplete:
            out.line("The local engine in \(folder) is incomplete:")
            for problem in status.problems { out.line("  \(problem)") }
            out.line("Run `ponder engine install` to repair it.")
        case .outdated:
            out.line("The local engine in \(folder) works, but holds other packages than this ponder uses.")
            out.line("Run `ponder engine install` to update it to \(EngineCommand.pinnedPackages).")
        case .ready:
            out.line("The local engine is ready.")
        }
        if status.state != .notInstalled { details(status) }
        out.line("  launcher   \(status.installation.launcher.path)")
        if status.state != .ready { throw ExitCode(1) }
    }

    private func details(_ status: LocalEngineStatus) {
        let out = StandardStream.output
        out.line("  folder     \(status.installation.directory.path) (\(EngineCommand.size(status.bytes)))")
        if let python = status.pythonVersion { out.line("  python     \(python)") }
        if let pins = status.installedPins {
            out.line("  packages   \(pins.replacingOccurrences(of: "==", with: " "))")
        }
        if let model = status.modelFile {
            let bytes = (try? model.resourceValues(forKeys: [.fileSizeKey]).fileSize).flatMap { $0 }
            out.line("  model      \(model.path)" + (bytes.map { " (\(EngineCommand.size(Int64($0))))" } ?? ""))
        }
    }
}
