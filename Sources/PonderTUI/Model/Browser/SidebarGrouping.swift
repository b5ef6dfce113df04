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

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The section of a conversation updated at `date`, seen at `now`.
    public static func group(pinned: Bool, updatedAt date: Date, now: Date, timeZone: TimeZone) -> SidebarGroup {
        if pinned { return .pinned }
        let calendar = calendar(timeZone)
        let today = calendar.startOfDay(for: now)
        let day = calendar.startOfDay(for: date)
        let days = calendar.dateComponents([.day], from: day, to: today).day ?? 0
        if days <= 0 { return .today }
        if days == 1 { return .yesterday }
        if days <= 7 { return .previous7Days }
        if days <= 30 { return .previous30Days }
        let parts = calendar.dateComponents([.year, .month], from: date)
        return .month(year: parts.year ?? 1970, month: parts.month ?? 1)
    }

    /// Headings and conversation rows for the list, a heading before each new section. Day
    /// boundaries are computed once and months cached, so ten thousand rows take a few milliseconds.
    public static func rows(for conversations: [Conversation], now: Date, timeZone: TimeZone) -> [SidebarRow] {
        let calendar = calendar(timeZone)
        let today = calendar.startOfDay(for: now)
        let day: (Int) -> Date = { calendar.date(byAdding: .day, value: -$0, to: today) ?? today }
        let boundaries: [(Date, SidebarGroup)] = [
            (today, .today), (day(1), .yesterday), (day(7), .previous7Days), (day(30), .previous30Days),
        ]
        var month: (range: Range<Date>, group: SidebarGroup)?
        var rows: [SidebarRow] = []
        rows.reserveCapacity(conversations.count + 8)
        var current: SidebarGroup?
        for (index, conversation) in conversations.enumerated() {
            let date = conversation.updatedAt
            var group: SidebarGroup
            if conversation.pinned {
                group = .pinned
            } else if let boundary = boundaries.first(where: { date >= $0.0 }) {
                group = boundary.1
            } else if let month, month.range.contains(date) {
                group = month.group
            } else {
                group = Self.group(pinned: false, updatedAt: date, now: now, timeZone: timeZone)
                if let interval = calendar.dateInterval(of: .month, for: date) {
                    month = (interval.start..<interval.end, group)
                }
            }
            if group != current {
                rows.append(.header(group))
                current = group
            }
            rows.append(.conversation(index))
        }
        return rows
    }

    /// A short age: `now`, `5m`, `3h`, `4d`, `Mar 3`, `Mar 2024`.
    public static func relativeTime(_ date: Date, now: Date, timeZone: TimeZone) -> String {
        let seconds = now.timeIntervalSince(date)
        if seconds < 60 { return "now" }
        if seconds < 3600 { return "\(Int(seconds / 60))m" }
        if seconds < 86_400 { return "\(Int(seconds / 3600))h" }
        if seconds < 7 * 86_400 { return "\(Int(seconds / 86_400))d" }
        let calendar = calendar(timeZone)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let month = monthNames[(parts.month ?? 1) - 1]
        if parts.year == calendar.component(.year, from: now) { return "\(month) \(parts.day ?? 1)" }
        return "\(month) \(parts.year ?? 1970)"
    }

    /// The row index of the conversation at `index`, or nil.
    public static func rowIndex(ofConversation index: Int, in rows: [SidebarRow]) -> Int? {
        rows.firstIndex(of: .conversation(index))
    }
}
