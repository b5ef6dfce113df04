import ArgumentParser
import Foundation
import PonderCore

/// `ponder search QUERY…`: answers, prompts, reasoning and titles containing every word.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, answers and reasoning; every word must match (\"…\" keeps a phrase).")

    @Argument(help: "The words to find.")
    var query: [String]

    @Option(name: [.short, .long], help: "Show at most this many matches.")
    var limit = 20

    @Flag(help: "Include archived conversations.")
    var all = false

    @Flag(help: "Print a JSON array.")
    var json = false

    func validate() throws {
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("give at least one word to search for")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try StoreAccess.open()
        let hits = try store.search(query.joined(separator: " "), limit: limit, includeArchived: all)
        let out = StandardStream.output
        if json {
            out.line(JSONValue.array(hits.map(ConversationJSON.hit)).serialized)
            return
        }
        if hits.isEmpty {
            printError("no matches")
            throw ExitCodes.failure
        }
        for hit in hits {
            let title = hit.conversationTitle.isEmpty ? "(untitled)" : Sanitizer.sanitizeLine(hit.conversationTitle)
            let field = hit.field.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            out.line(
                "\(hit.conversationID.rawValue.prefix(8))  \(field)  \(title): \(Sanitizer.sanitizeLine(hit.snippet.text))"
            )
        }
    }
}
