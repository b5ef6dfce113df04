import ArgumentParser
import Foundation
import PonderCore

/// `ponder engine install`: makes the engine ready, showing a progress line while pip works.
struct EngineInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Set up the local engine, or update it to this version's packages.",
        discussion: """
            Needs Python 3 with its venv module (Debian: python3-venv) and, the first time, about 60 MB of \
            downloads. An engine that is up to date is left alone. pip's full output is written to \
            $XDG_STATE_HOME/ponder/engine-install.log.
            """)

    @Flag(help: "Make the virtual environment anew, even when the engine is up to date.")
    var force = false

    @Option(help: ArgumentHelp("The Python 3 to make the virtual environment with.", valueName: "path"))
    var python: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let installation = LocalEngineInstallation.default(environment: environment)
        let installer = EngineInstaller(
            installation: installation, environment: environment, python: python,
            logFile: XDGPaths(environment: environment).stateHome.appendingPathComponent("engine-install.log"))
        let line = ProgressLine()
        let outcome: EngineInstaller.Outcome
        do {
            outcome = try installer.install(force: force) { progress in
                let detail = progress.detail.map { ": \($0)" } ?? "…"
                line.update("[\(progress.step)/\(progress.steps)] \(progress.title)\(detail)")
            }
        } catch {
            line.finish()
            throw error
        }
        line.finish()
        let folder = installation.directory.path
        switch outcome {
        case .alreadyInstalled:
            StandardStream.output.line(
                "The local engine in \(folder) is up to date (\(EngineCommand.pinnedPackages)).")
        case .installed:
            StandardStream.output.line(
                "Installed the local engine in \(folder) in \(line.elapsedSeconds) s "
                    + "(\(EngineCommand.pinnedPackages)). Start ponder to chat with it, or use -p local.")
        }
    }
}
