import ArgumentParser
import Foundation
import PonderCore

/// `ponder import FILE`: adds a conversation exported with `ponder export --format json`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a conversation from a JSON export (- reads stdin).")

    @Argument(help: "The export file, or - for standard input.")
    var file: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: file) else {
                throw CLIError("\(file) does not exist", exitCode: ExitCodes.notFound)
            }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CLIError("cannot read \(file): \(error.localizedDescription)", exitCode: ExitCodes.notFound)
            }
        }
        let store = try StoreAccess.open()
        let id = try store.importJSON(data)
        if json {
            StandardStream.output.line(JSONValue.object(["conversation_id": .string(id.rawValue)]).serialized)
        } else {
            StandardStream.output.line(id.rawValue)
        }
    }
}
