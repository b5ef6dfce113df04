import ArgumentParser
import Foundation
import PonderCore

/// `ponder export ID --format md|json [-o FILE]`, and `ponder export --all` for everything.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a conversation, or all of them, as Markdown or as Ponder's JSON format.",
        discussion: """
            With --all: -o DIR (an existing directory, or a path ending in /) writes one file per conversation \
            into it; otherwise every conversation is written as one JSON line (JSON Lines) to -o FILE or stdout. \
            Either output can be given to `ponder import` again.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json
    }

    @Argument(help: "The conversation's id or a unique prefix of it.")
    var id: String?

    @Flag(help: "Export every conversation (archived ones too), oldest first.")
    var all = false

    @Option(name: [.short, .long], help: "md (readable, reasoning folded) or json (complete, re-importable).")
    var format: Format?

    @Option(
        name: [.short, .customLong("output")], help: "Write to this file (or, with --all, directory) instead of stdout."
    )
    var output: String?

    func validate() throws {
        if all, id != nil { throw ValidationError("Give a conversation id or --all, not both.") }
        if !all, id == nil { throw ValidationError("Give a conversation id, or --all to export every conversation.") }
    }

    func run() throws {
        let store = try StoreAccess.open()
        if all {
            try ExportAll(store: store, format: format, output: output).run()
            return
        }
        let conversation = try ConversationLookup.resolve(id ?? "", in: store)
        let data: Data
        switch format ?? .md {
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
            try PrivateFile.replace(data, at: URL(fileURLWithPath: output))
        } catch {
            throw CLIError("cannot write \(output): \(error.localizedDescription)", exitCode: ExitCodes.cannotCreate)
        }
        printError("Exported \(conversation.id.rawValue) to \(output)")
    }
}
