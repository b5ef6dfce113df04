import Foundation
import PonderCore

/// The conversation list, the one the sidebar and the browser both show: summaries in store order
/// (pinned first, then newest), when they were read (for relative times and grouping) and the
/// store's change counter at that moment (to notice writes by other processes). Between reads the
/// reducer applies what it knows at once (a conversation just asked in, a title just refined).
public struct ConversationListing: Equatable, Sendable {
    public let summaries: [ConversationSummary]
    /// The summaries grouped into headed sections, computed once per load.
    public let rows: [SidebarRow]
    public let loadedAt: Date
    public var changeCounter: Int
    public var includesArchived: Bool
    /// The time zone that decides where "today" starts.
    public let timeZone: LocalTimeZone

    public init(
        summaries: [ConversationSummary] = [], loadedAt: Date = Date(timeIntervalSince1970: 0), changeCounter: Int = 0,
        includesArchived: Bool = false, timeZone: LocalTimeZone = .system
    ) {
        self.timeZone = timeZone
        self.summaries = summaries
        self.rows = SidebarGrouping.rows(
            for: summaries.map(\.conversation), now: loadedAt, timeZone: timeZone)
        self.loadedAt = loadedAt
        self.changeCounter = changeCounter
        self.includesArchived = includesArchived
    }

    /// Whether the list has been read from the store (before that there is no clock to group by).
    public var isLoaded: Bool { loadedAt.timeIntervalSince1970 > 0 }

    /// The list with `conversation` (just asked in) at its place — the top of its section, as it was
    /// updated last — its header as given and its message count grown by `addedMessages`.
    public func updating(_ conversation: Conversation, addedMessages: Int) -> ConversationListing {
        var summaries = summaries
        let count = summaries.firstIndex { $0.id == conversation.id }.map { summaries.remove(at: $0).messageCount } ?? 0
        let place =
            summaries.firstIndex { other in
                let before = other.conversation
                return before.pinned == conversation.pinned
                    ? before.updatedAt <= conversation.updatedAt : conversation.pinned
            } ?? summaries.count
        summaries.insert(
            ConversationSummary(conversation: conversation, messageCount: count + addedMessages), at: place)
        return replacing(summaries)
    }

    /// The list with a conversation's title changed.
    public func renaming(_ id: ConversationID, to title: String) -> ConversationListing {
        guard let index = summaries.firstIndex(where: { $0.id == id }) else { return self }
        var summaries = summaries
        summaries[index].conversation.title = title
        return replacing(summaries)
    }

    private func replacing(_ summaries: [ConversationSummary]) -> ConversationListing {
        ConversationListing(
            summaries: summaries, loadedAt: loadedAt, changeCounter: changeCounter, includesArchived: includesArchived,
            timeZone: timeZone)
    }
}
