import ArgumentParser
import Foundation
import PonderCore

/// `ponder engine remove`: deletes what `ponder engine install` put in the engine folder, and the
/// folder when nothing else is left in it.
struct EngineRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Delete the local engine (its virtual environment and model).",
        discussion: "Only the files the installation made are deleted; `ponder engine install` sets it up again.")

    func run() throws {
        let installation = EngineCommand.installation
        let folder = installation.directory
        let files = FileManager.default
        // The stamp goes first: an interrupted removal is never taken for an installed engine. The
        // launcher copy is what earlier versions kept in the folder.
        let made = [
            installation.stampFile, installation.environmentFolder,
            folder.appendingPathComponent(EngineLauncher.fileName),
        ]
        let present = made.filter { files.fileExists(atPath: $0.path) }
        guard !present.isEmpty else {
            StandardStream.output.line("There is no local engine in \(folder.path); nothing to remove.")
            return
        }
        let bytes = LocalEngineStatus.size(of: folder)
        for url in present {
            try files.removeItem(at: url)
        }
        if (try? files.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? files.removeItem(at: folder)
        }
        let freed = bytes - LocalEngineStatus.size(of: folder)
        StandardStream.output.line("Removed the local engine from \(folder.path) (\(EngineCommand.size(freed)) freed).")
    }
}
