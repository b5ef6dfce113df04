import ArgumentParser
import Foundation
import PonderCore

/// `ponder rm ID…`: deletes conversations and their messages.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Delete conversations (unique id prefixes are enough).")

    @Argument(help: "The conversations' ids or unique prefixes of them.")
    var ids: [String]

    @Flag(help: "Print the deleted conversations as a JSON array.")
    var json = false

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give the id of the conversation to delete") }
    }

    func run() throws {
        let store = try StoreAccess.open()
        // Resolve every id first: nothing is deleted when one of them is wrong.
        let conversations = try ids.map { try ConversationLookup.resolve($0, in: store) }
        var deleted: [JSONValue] = []
        for conversation in conversations {
            let removed = try store.delete(conversation.id)
            if json {
                deleted.append(ConversationJSON.header(removed.conversation))
            } else {
                let title = Sanitizer.sanitizeLine(removed.conversation.title)
                StandardStream.output.line(
                    "Deleted \(removed.conversation.id.rawValue) (\(title), \(removed.messages.count) messages)")
            }
        }
        if json { StandardStream.output.line(JSONValue.array(deleted).serialized) }
    }
}
