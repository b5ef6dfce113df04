/// The whole screen: lays out the panes for the state's size and draws each of them (or the
/// too-small message, or the help overlay on top). Returns the terminal cursor position.
public enum RootView {
    @discardableResult
    public static func render(
        _ state: AppState, into buffer: inout ScreenBuffer, keymap: Keymap = .standard, theme: Theme = .standard,
        cache: MessageTextCache = MessageTextCache()
    ) -> Point? {
        let layout = Layout(state: state)
        if layout.isTooSmall {
            TooSmallView.render(size: state.size, theme: theme, into: &buffer)
            return nil
        }
        if let browser = state.browser {
            return BrowserView.render(browser, state: state, into: &buffer, theme: theme)
        }
        if let sidebar = layout.sidebar {
            SidebarView.render(state, in: sidebar, theme: theme, into: &buffer)
        }
        TranscriptView.render(
            state, in: layout.transcript, reasoningInline: layout.thinking == nil, cache: cache, theme: theme,
            into: &buffer)
        if let thinking = layout.thinking {
            ThinkingPanelView.render(
                state, in: thinking, collapsed: layout.thinkingCollapsed, cache: cache, theme: theme, into: &buffer)
        }
        for separator in layout.separators {
            PaneChrome.drawSeparator(separator, theme: theme, into: &buffer)
        }
        var cursor = EditorView.render(state, in: layout.editor, theme: theme, into: &buffer)
        StatusBarView.render(state, in: layout.statusBar, keymap: keymap, theme: theme, into: &buffer)
        if case .help(let scroll) = state.overlay {
            let screen = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height - 1)
            HelpOverlayView.render(scroll: scroll, in: screen, keymap: keymap, theme: theme, into: &buffer)
            cursor = nil
        }
        return cursor
    }
}
