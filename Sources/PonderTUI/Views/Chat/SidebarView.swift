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

    /// Everything the sidebar is drawn from: a frame with the same inputs draws the same cells.
    struct Inputs: Equatable {
        var listing: ConversationListing
        var selected: Int
        var focused: Bool
        var preferredTop: Int
        var newConversationOpen: Bool
        var keymap: Keymap
        var theme: Theme

        init(_ state: AppState, keymap: Keymap, theme: Theme) {
            listing = state.listing
            selected = state.selectedConversation
            focused = state.focus == .sidebar
            preferredTop = state.scroll.sidebarTop
            newConversationOpen = state.conversationID == nil
            self.keymap = keymap
            self.theme = theme
        }
    }

    /// Draws the sidebar, or copies the cells `memo` kept when nothing it is drawn from changed.
    static func render(
        _ state: AppState, in rect: Rect, keymap: Keymap, theme: Theme, memo: PaneMemo<Inputs>,
        into buffer: inout ScreenBuffer
    ) {
        memo.render(Inputs(state, keymap: keymap, theme: theme), in: rect, into: &buffer) { buffer in
            render(state, in: rect, keymap: keymap, theme: theme, into: &buffer)
        }
    }

    static func render(
        _ state: AppState, in rect: Rect, keymap: Keymap = .standard, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        buffer.fill(rect, style: theme.text)
        let focused = state.focus == .sidebar
        PaneChrome.drawTitle("Conversations", in: rect, focused: focused, theme: theme, into: &buffer)
        drawNewConversationRow(state, in: rect, keymap: keymap, theme: theme, into: &buffer)
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

    /// The list part of the sidebar (below its title row and the new-conversation row).
    static func listRect(_ sidebar: Rect) -> Rect { sidebar.inset(top: 2) }

    /// The row under the title that starts a new conversation (Ctrl-N), marked while the new,
    /// still empty conversation is the open one.
    static func newConversationRect(_ sidebar: Rect) -> Rect { sidebar.inset(top: 1).row(0) }

    static func drawNewConversationRow(
        _ state: AppState, in sidebar: Rect, keymap: Keymap, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        let line = newConversationRect(sidebar)
        guard !line.isEmpty else { return }
        let current = state.conversationID == nil
        let style = current ? theme.focusedPaneTitle : theme.text
        if current { buffer.fill(line, style: style) }
        let key = keymap.bindings.first { $0.action == .app(.newConversation) }?.keys.first?.description
        let right = key ?? ""
        let label = "+ New conversation"
        let room = line.width - 2 - (right.isEmpty ? 0 : DisplayWidth.of(right) + 2)
        guard room >= DisplayWidth.of(label) else {
            buffer.write(
                DisplayWidth.truncate(label, width: line.width - 1), at: Point(x: line.x + 1, y: line.y), style: style,
                clip: line)
            return
        }
        buffer.write(label, at: Point(x: line.x + 1, y: line.y), style: style, clip: line)
        buffer.write(
            right, at: Point(x: line.maxX - DisplayWidth.of(right) - 1, y: line.y),
            style: current ? style : theme.dimText, clip: line)
    }

    /// Whether `point` is on the new-conversation row of the sidebar.
    static func isNewConversationRow(_ point: Point, state: AppState) -> Bool {
        guard let sidebar = state.layout.sidebar else { return false }
        return newConversationRect(sidebar).contains(point)
    }

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
