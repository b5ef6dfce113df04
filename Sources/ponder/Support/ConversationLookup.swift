import Foundation
import PonderCore

/// Finding conversations the way a shell user names them: a full id or a unique prefix (like git),
/// or "the most recent one" for `--continue`.
enum ConversationLookup {
    /// The conversation whose id is `text` or starts with it.
    static func resolve(_ text: String, in store: ConversationStore) throws -> Conversation {
        let prefix = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard !prefix.isEmpty else { throw CLIError("a conversation id cannot be empty", exitCode: ExitCodes.usage) }
        if let exact = try store.conversation(ConversationID(prefix)) { return exact }
        var matches: [Conversation] = []
        var offset = 0
        let page = 2000
        while true {
            let summaries = try store.listConversations(includeArchived: true, limit: page, offset: offset)
            matches += summaries.lazy.map(\.conversation).filter { $0.id.rawValue.hasPrefix(prefix) }
            if summaries.count < page || matches.count > 1 { break }
            offset += page
        }
        switch matches.count {
        case 0:
            throw CLIError("no conversation id starts with \"\(text)\"", exitCode: ExitCodes.notFound)
        case 1:
            return matches[0]
        default:
            let ids = matches.prefix(5).map(\.id.rawValue).joined(separator: ", ")
            throw CLIError(
                "\"\(text)\" matches more than one conversation (\(ids)); give more characters",
                exitCode: ExitCodes.usage)
        }
    }

    /// The conversation updated most recently, pinned or not; nil for an empty store.
    static func mostRecent(in store: ConversationStore) throws -> Conversation? {
        // The list puts pinned conversations first: read past them to the first unpinned one.
        var best: Conversation?
        var offset = 0
        let page = 200
        while true {
            let summaries = try store.listConversations(includeArchived: true, limit: page, offset: offset)
            for summary in summaries {
                let conversation = summary.conversation
                if best.map({ conversation.updatedAt > $0.updatedAt }) ?? true { best = conversation }
                if !conversation.pinned { return best }
            }
            if summaries.count < page { return best }
            offset += page
        }
    }
}
