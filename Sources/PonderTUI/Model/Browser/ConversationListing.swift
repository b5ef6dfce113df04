import Foundation
import PonderCore

/// The conversation list as last read from the store: summaries in store order (pinned first,
/// then newest), when they were read (for relative times and grouping) and the store's change
/// counter at that moment (to notice writes by other processes).
public struct ConversationListing: Equatable, Sendable {
    public let summaries: [ConversationSummary]
    /// The summaries grouped into headed sections, computed once per load.
    public let rows: [SidebarRow]
    public let loadedAt: Date
    public var changeCounter: Int
    public var includesArchived: Bool
    /// The time zone that decides where "today" starts.
    public let timeZone: TimeZone

    public init(
        summaries: [ConversationSummary] = [], loadedAt: Date = Date(timeIntervalSince1970: 0), changeCounter: Int = 0,
        includesArchived: Bool = false, timeZone: TimeZone = .current
    ) {
        self.timeZone = timeZone
        self.summaries = summaries
        self.rows = SidebarGrouping.rows(
            for: summaries.map(\.conversation), now: loadedAt, timeZone: timeZone)
        self.loadedAt = loadedAt
        self.changeCounter = changeCounter
        self.includesArchived = includesArchived
    }
}
