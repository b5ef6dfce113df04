import Foundation
import PonderCore

/// The conversation list beside the transcript: sections (Pinned, Today, Yesterday, Previous 7
/// days, Previous 30 days, then by month), each row a sanitised title ellipsised by display
/// width and its relative time; on wider sidebars also the model and message count. The reducer
/// maps clicks through `conversation(at:state:)`, which reads the rows exactly as they are drawn.
enum SidebarView {
    /// The rows the sidebar lists and where it starts drawing them.
    struct Rows {
        /// Whether relative times, sections and message counts are known (false before the first load).
        var timed: Bool
        var rows: [SidebarRow]
        /// The first row shown.
        var top: Int
    }

    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: theme.text)
        let focused = state.focus == .sidebar
        PaneChrome.drawTitle("Conversations", in: rect, focused: focused, theme: theme, into: &buffer)
        let list = listRect(rect)
        let shown = rows(for: state, height: list.height)
        guard !state.listing.summaries.isEmpty, !list.isEmpty else {
            PaneChrome.drawCentered(
                ["No conversations yet", "Your chats will be listed here"], in: list, style: theme.emptyState,
                into: &buffer)
            return
        }
        let appearance = ConversationListView.Appearance(
            selected: state.selectedConversation, focused: focused,
            detailsMinimumWidth: shown.timed ? 44 : nil, timed: shown.timed)
        ConversationListView.render(
            shown.rows, from: shown.top, listing: state.listing, appearance: appearance, in: list, theme: theme,
            into: &buffer)
    }

    /// The list part of the sidebar (below its title row).
    static func listRect(_ sidebar: Rect) -> Rect { sidebar.inset(top: 1) }

    /// The rows drawn in a list `height` rows high, from the first row that keeps the selection in
    /// view (starting from `state.scroll.sidebarTop`).
    static func rows(for state: AppState, height: Int) -> Rows {
        let listing = state.listing
        // Before the first load there is no clock to group by or to word times against.
        let timed = listing.isLoaded
        let rows = timed ? listing.rows : listing.summaries.indices.map(SidebarRow.conversation)
        let top = ConversationListView.firstRow(
            rows, selected: state.selectedConversation, preferred: state.scroll.sidebarTop, height: height)
        return Rows(timed: timed, rows: rows, top: top)
    }

    /// The first row the sidebar shows for this state (0 when there is no sidebar).
    static func firstRow(for state: AppState) -> Int {
        guard let sidebar = state.layout.sidebar else { return 0 }
        return rows(for: state, height: listRect(sidebar).height).top
    }

    /// The conversation drawn at `point` (an index into `state.listing.summaries`); nil on the title
    /// row, a section heading, an empty row or outside the sidebar.
    static func conversation(at point: Point, state: AppState) -> Int? {
        guard let sidebar = state.layout.sidebar else { return nil }
        let list = listRect(sidebar)
        guard list.contains(point) else { return nil }
        let shown = rows(for: state, height: list.height)
        let index = shown.top + point.y - list.y
        guard shown.rows.indices.contains(index), case .conversation(let item) = shown.rows[index],
            state.listing.summaries.indices.contains(item)
        else { return nil }
        return item
    }
}
