/// The conversation pane, where answers appear. Until a conversation has messages it explains
/// what to do.
enum TranscriptView {
    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: theme.text)
        let title: String
        if state.conversations.indices.contains(state.selectedConversation) {
            let selected = state.conversations[state.selectedConversation].title
            title = selected.isEmpty ? "Untitled" : selected
        } else {
            title = "New conversation"
        }
        PaneChrome.drawTitle(title, in: rect, focused: state.focus == .transcript, theme: theme, into: &buffer)
        PaneChrome.drawCentered(
            ["No messages yet", "Ask something below — answers appear here"], in: rect.inset(top: 1),
            style: theme.emptyState, into: &buffer)
    }
}
