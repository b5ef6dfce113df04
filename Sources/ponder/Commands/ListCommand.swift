import ArgumentParser
import Foundation
import PonderCore

/// `ponder list`: the saved conversations, pinned first, then the most recently updated.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List saved conversations, most recent first.")

    @Option(name: [.short, .long], help: "Show at most this many conversations.")
    var limit = 50

    @Flag(help: "Include archived conversations.")
    var all = false

    @Flag(help: "Print a JSON array.")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try StoreAccess.open()
        let summaries = try store.listConversations(includeArchived: all, limit: limit)
        let out = StandardStream.output
        if json {
            out.line(JSONValue.array(summaries.map(ConversationJSON.summary)).serialized)
            return
        }
        if summaries.isEmpty && out.isTerminal { printError("no conversations yet; start one with `ponder ask`") }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        for summary in summaries {
            let conversation = summary.conversation
            let marks = (conversation.pinned ? "*" : " ") + (conversation.archived ? "a" : " ")
            let title = conversation.title.isEmpty ? "(untitled)" : Sanitizer.sanitizeLine(conversation.title)
            let count = String(summary.messageCount).leftPadded(to: 4)
            out.line(
                "\(conversation.id.rawValue.prefix(8)) \(marks) \(formatter.string(from: conversation.updatedAt)) "
                    + "\(count)  \(title)")
        }
    }
}

extension String {
    /// Right-aligned in `width` columns (ASCII).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
