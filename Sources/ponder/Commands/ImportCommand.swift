import ArgumentParser
import Foundation
import PonderCore

extension ImportSource: ExpressibleByArgument {}

/// `ponder import [--from SOURCE] [--dry-run] PATH`: brings conversations in from Ponder's own
/// exports and from other clients, skipping what an earlier import already brought.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import conversations from a Ponder export or another client's history (- reads stdin).",
        discussion: """
            Sources: ponder (the default: a JSON export, a JSON-lines stream or a directory of exports), \
            llm (its logs.db), oterm (its store.db), open-webui (a chat export JSON), chatgpt \
            (conversations.json from the data export), think (Markdown or JSON with <think> blocks). \
            Importing the same file again adds only what is new.
            """)

    @Option(
        name: .long,
        help: "Where the file comes from: \(ImportSource.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: ImportSource = .ponder

    @Flag(name: .long, help: "Print what would be imported, and change nothing.")
    var dryRun = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Argument(help: "The file or directory to import, or - for standard input.")
    var file: String

    func run() throws {
        let progress = ImportProgressLine(stream: StandardStream.error)
        defer { progress.clear() }
        progress.show("Reading \(file == "-" ? "standard input" : Sanitizer.sanitizeLine(file))…")
        let plan = try readPlan()
        let store = try StoreAccess.open()
        let report = try store.importPlan(plan, dryRun: dryRun) { progress.update($0) }
        progress.clear()
        ImportSummary(plan: plan, report: report, dryRun: dryRun).print(json: json)
        if plan.conversations.isEmpty, plan.skippedCount > 0 { throw ExitCodes.badData }
    }

    private func readPlan() throws -> ImportPlan {
        if file == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try ImportReader.plan(source: from, data: data, file: "standard input")
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw CLIError("\(file) does not exist", exitCode: ExitCodes.notFound)
        }
        do {
            return try ImportReader.plan(source: from, path: file)
        } catch let error as StoreError where error.kind == .unreadable {
            throw CLIError(error.message, exitCode: ExitCodes.notFound)
        }
    }
}
