import Foundation
import PonderCore

/// The conversation list beside the transcript: sections (Pinned, Today, Yesterday, Previous 7
/// days, Previous 30 days, then by month), each row a sanitised title ellipsised by display
/// width and its relative time; on wider sidebars also the model and message count.
enum SidebarView {
    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: theme.text)
        let focused = state.focus == .sidebar
        PaneChrome.drawTitle("Conversations", in: rect, focused: focused, theme: theme, into: &buffer)
        let list = rect.inset(top: 1)
        let (listing, counted) = listing(for: state)
        // Before the first load there is no clock to group by or to word times against.
        let timed = counted || listing.loadedAt.timeIntervalSince1970 > 0
        let rows = timed ? listing.rows : listing.summaries.indices.map(SidebarRow.conversation)
        guard !listing.summaries.isEmpty, !list.isEmpty else {
            PaneChrome.drawCentered(
                ["No conversations yet", "Your chats will be listed here"], in: list, style: theme.emptyState,
                into: &buffer)
            return
        }
        let top = firstRow(rows: rows, selected: state.selectedConversation, height: list.height)
        for offset in 0..<list.height {
            let index = top + offset
            guard index < rows.count else { break }
            let line = list.row(offset)
            switch rows[index] {
            case .header(let group):
                buffer.write(
                    TextFit.truncate(group.title, width: line.width - 1), at: Point(x: line.x + 1, y: line.y),
                    style: theme.paneTitle, clip: line)
            case .conversation(let item):
                drawConversation(
                    listing.summaries[item], listing: listing, in: line, selected: item == state.selectedConversation,
                    focused: focused, detailed: counted && line.width >= 44, timed: timed, theme: theme,
                    into: &buffer)
            }
        }
    }

    /// The store's listing when it holds the conversations shown, else one made from them (times
    /// relative to the last load, message counts unknown).
    static func listing(for state: AppState) -> (listing: ConversationListing, fromStore: Bool) {
        let summaries = state.listing.summaries
        if summaries.count == state.conversations.count
            && zip(summaries, state.conversations).allSatisfy({ $0.conversation == $1 })
        {
            return (state.listing, true)
        }
        let listing = ConversationListing(
            summaries: state.conversations.map { ConversationSummary(conversation: $0, messageCount: 0) },
            loadedAt: state.listing.loadedAt, timeZone: state.listing.timeZone)
        return (listing, false)
    }

    /// The first row shown: the top, unless the selection would fall below the pane.
    static func firstRow(rows: [SidebarRow], selected: Int, height: Int) -> Int {
        guard let row = SidebarGrouping.rowIndex(ofConversation: selected, in: rows) else { return 0 }
        return max(0, row - height + 1)
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
