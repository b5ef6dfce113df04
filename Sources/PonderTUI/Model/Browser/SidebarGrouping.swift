import Foundation
import PonderCore

/// The sections of the conversation list: pinned first, then by age of the last update.
public enum SidebarGroup: Hashable, Sendable {
    case pinned
    case today
    case yesterday
    case previous7Days
    case previous30Days
    /// An older calendar month.
    case month(year: Int, month: Int)

    public var title: String {
        switch self {
        case .pinned: return "Pinned"
        case .today: return "Today"
        case .yesterday: return "Yesterday"
        case .previous7Days: return "Previous 7 days"
        case .previous30Days: return "Previous 30 days"
        case .month(let year, let month): return "\(SidebarGrouping.monthNames[month - 1]) \(year)"
        }
    }
}

/// One row of a grouped list: a section heading or the conversation at an index of the list.
public enum SidebarRow: Hashable, Sendable {
    case header(SidebarGroup)
    case conversation(Int)
}

/// Groups conversations (already in list order: pinned, then newest first) into headed sections,
/// and words their times relative to now. Pure: `now` and the time zone are passed in.
public enum SidebarGrouping {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The section of a conversation updated at `date`, seen at `now`.
    public static func group(pinned: Bool, updatedAt date: Date, now: Date, timeZone: LocalTimeZone) -> SidebarGroup {
        if pinned { return .pinned }
        return group(day: timeZone.day(of: date), today: timeZone.day(of: now))
    }

    /// The section of a conversation last updated on local day `day`, `today` being today's.
    static func group(day: Int, today: Int) -> SidebarGroup {
        let days = today - day
        if days <= 0 { return .today }
        if days == 1 { return .yesterday }
        if days <= 7 { return .previous7Days }
        if days <= 30 { return .previous30Days }
        let date = CalendarDate(day: day)
        return .month(year: date.year, month: date.month)
    }

    /// Headings and conversation rows for the list, a heading before each new section. Each row is one
    /// local-day lookup and some arithmetic, so ten thousand rows take a few milliseconds.
    public static func rows(for conversations: [Conversation], now: Date, timeZone: LocalTimeZone) -> [SidebarRow] {
        let today = timeZone.day(of: now)
        var rows: [SidebarRow] = []
        rows.reserveCapacity(conversations.count + 8)
        var current: SidebarGroup?
        for (index, conversation) in conversations.enumerated() {
            let group =
                conversation.pinned ? .pinned : group(day: timeZone.day(of: conversation.updatedAt), today: today)
            if group != current {
                rows.append(.header(group))
                current = group
            }
            rows.append(.conversation(index))
        }
        return rows
    }

    /// A short age: `now`, `5m`, `3h`, `4d`, `Mar 3`, `Mar 2024`.
    public static func relativeTime(_ date: Date, now: Date, timeZone: LocalTimeZone) -> String {
        let seconds = now.timeIntervalSince(date)
        if seconds < 60 { return "now" }
        if seconds < 3600 { return "\(Int(seconds / 60))m" }
        if seconds < 86_400 { return "\(Int(seconds / 3600))h" }
        if seconds < 7 * 86_400 { return "\(Int(seconds / 86_400))d" }
        let day = timeZone.calendarDate(of: date)
        let month = monthNames[day.month - 1]
        if day.year == timeZone.calendarDate(of: now).year { return "\(month) \(day.day)" }
        return "\(month) \(day.year)"
    }

    /// The row index of the conversation at `index`, or nil.
    public static func rowIndex(ofConversation index: Int, in rows: [SidebarRow]) -> Int? {
        rows.firstIndex(of: .conversation(index))
    }
}
