import PonderCore

/// The conversation list: titles, the selection, and a friendly word when there are none.
enum SidebarView {
    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: theme.text)
        let focused = state.focus == .sidebar
        PaneChrome.drawTitle("Conversations", in: rect, focused: focused, theme: theme, into: &buffer)
        let list = rect.inset(top: 1)
        guard !state.conversations.isEmpty else {
            PaneChrome.drawCentered(
                ["No conversations yet", "Your chats will be listed here"], in: list, style: theme.emptyState,
                into: &buffer)
            return
        }
        let top = min(state.scroll.sidebarTop, max(0, state.conversations.count - 1))
        for row in 0..<list.height {
            let index = top + row
            guard index < state.conversations.count else { break }
            let conversation = state.conversations[index]
            let selected = index == state.selectedConversation
            let style = selected ? (focused ? theme.selection : theme.focusedPaneTitle) : theme.text
            let line = list.row(row)
            if selected { buffer.fill(line, style: style) }
            let sanitized = Sanitizer.sanitizeLine(conversation.title)
            let title = sanitized.isEmpty ? "Untitled" : sanitized
            let text = (conversation.pinned ? "★ " : "  ") + title
            buffer.write(
                TextFit.truncate(text, width: line.width - 1), at: Point(x: line.x, y: line.y), style: style, clip: line
            )
        }
    }
}
