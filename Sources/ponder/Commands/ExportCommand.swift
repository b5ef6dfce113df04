import ArgumentParser
import Foundation
import PonderCore

/// `ponder export ID --format md|json [-o FILE]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a conversation as Markdown or as Ponder's JSON format.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json
    }

    @Argument(help: "The conversation's id or a unique prefix of it.")
    var id: String

    @Option(name: [.short, .long], help: "md (readable, reasoning folded) or json (complete, re-importable).")
    var format: Format = .md

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of stdout.")
    var output: String?

    func run() throws {
        let store = try StoreAccess.open()
        let conversation = try ConversationLookup.resolve(id, in: store)
        let data: Data
        switch format {
        case .md: data = Data(try store.exportMarkdown(conversation.id).utf8)
        case .json: data = try store.exportJSON(conversation.id)
        }
        guard let output, output != "-" else {
            var text = String(decoding: data, as: UTF8.self)
            if !text.hasSuffix("\n") { text += "\n" }
            // Exported text is model output: never let it drive a terminal.
            if !StandardStream.output.write(StandardStream.output.safe(text)) { throw ExitCodes.failure }
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError("cannot write \(output): \(error.localizedDescription)", exitCode: ExitCode(73))
        }
        printError("Exported \(conversation.id.rawValue) to \(output)")
    }
}
