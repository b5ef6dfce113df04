import Foundation
import PonderCore

/// The grouped conversation list drawn by both the sidebar and the browser: from a first row on,
/// section headings and conversation rows (pin mark, sanitised title ellipsised by display width,
/// right-aligned details and relative time), the selected one highlighted.
enum ConversationListView {
    /// How one list is drawn.
    struct Appearance {
        /// The conversation highlighted (an index into the listing's summaries).
        var selected: Int
        /// Whether the list has the keyboard (the selection then uses the selection colours).
        var focused: Bool
        /// Rows at least this wide also show the model and the message count.
        var detailsMinimumWidth: Int?
        /// Whether relative times are known (false before the first load).
        var timed = true
    }

    /// Draws `rows` from row `top` into `rect`, one row per screen line.
    static func render(
        _ rows: [SidebarRow], from top: Int, listing: ConversationListing, appearance: Appearance, in rect: Rect,
        theme: Theme, into buffer: inout ScreenBuffer
    ) {
        for offset in 0..<rect.height {
            let index = top + offset
            guard index >= 0, index < rows.count else { break }
            let line = rect.row(offset)
            switch rows[index] {
            case .header(let group):
                buffer.write(
                    TextFit.truncate(group.title, width: line.width - 1), at: Point(x: line.x + 1, y: line.y),
                    style: theme.paneTitle, clip: line)
            case .conversation(let item):
                let detailed = appearance.detailsMinimumWidth.map { line.width >= $0 } ?? false
                drawConversation(
                    listing.summaries[item], listing: listing, in: line, selected: item == appearance.selected,
                    focused: appearance.focused, detailed: detailed, timed: appearance.timed, theme: theme,
                    into: &buffer)
            }
        }
    }

    /// The first row to show so that the selected conversation is visible: `preferred` when it
    /// already is, else the nearest row that shows it (with its section heading when that is the
    /// row just above), never past the end of the list.
    static func firstRow(_ rows: [SidebarRow], selected: Int, preferred: Int, height: Int) -> Int {
        let height = max(1, height)
        var top = max(0, min(preferred, rows.count - height))
        guard let row = SidebarGrouping.rowIndex(ofConversation: selected, in: rows) else { return top }
        if row >= top + height { top = row - height + 1 }
        if row < top {
            top = row
            if row > 0, height > 1, case .header = rows[row - 1] { top = row - 1 }
        }
        return top
    }

    /// One conversation row: pin mark, title, and right-aligned details and relative time.
    static func drawConversation(
        _ summary: ConversationSummary, listing: ConversationListing, in line: Rect, selected: Bool, focused: Bool,
        detailed: Bool, timed: Bool = true, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        let conversation = summary.conversation
        let style = selected ? (focused ? theme.selection : theme.focusedPaneTitle) : theme.text
        if selected { buffer.fill(line, style: style) }
        var right =
            timed
            ? SidebarGrouping.relativeTime(conversation.updatedAt, now: listing.loadedAt, timeZone: listing.timeZone)
            : ""
        if detailed {
            var details = ["\(summary.messageCount) msg"]
            if let model = conversation.model, !model.isEmpty {
                details.insert(TextFit.truncate(Sanitizer.sanitizeLine(model), width: 16), at: 0)
            }
            right = details.joined(separator: " · ") + (right.isEmpty ? "" : "  " + right)
        }
        if conversation.archived { right = "archived" + (right.isEmpty ? "" : " · " + right) }
        let rightWidth = DisplayWidth.of(right)
        let titleWidth = line.width - 3 - rightWidth - 1
        let title = conversation.title.isEmpty ? "Untitled" : Sanitizer.sanitizeLine(conversation.title)
        let mark = conversation.pinned ? "★ " : "  "
        guard titleWidth >= 6 else {
            buffer.write(
                mark + TextFit.truncate(title, width: line.width - 3), at: Point(x: line.x, y: line.y), style: style,
                clip: line)
            return
        }
        buffer.write(
            mark + TextFit.truncate(title, width: titleWidth), at: Point(x: line.x, y: line.y), style: style, clip: line
        )
        let detailStyle = selected ? style : theme.dimText
        buffer.write(right, at: Point(x: line.maxX - rightWidth - 1, y: line.y), style: detailStyle, clip: line)
    }
}
