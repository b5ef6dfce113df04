/// The whole screen: lays out the panes for the state's size and draws each of them (or the
/// too-small message, or the help overlay on top). Returns the terminal cursor position.
public enum RootView {
    @discardableResult
    public static func render(
        _ state: AppState, into buffer: inout ScreenBuffer, keymap: Keymap = .standard, theme: Theme = .standard,
        cache: MessageTextCache = MessageTextCache()
    ) -> Point? {
        var report = ScrollReport()
        return render(state, into: &buffer, keymap: keymap, theme: theme, cache: cache, report: &report)
    }

    /// Draws the screen and fills `report` with where the scrolled panes ended up; panes whose inputs
    /// did not change since `memos` last saw them are copied from there.
    public static func render(
        _ state: AppState, into buffer: inout ScreenBuffer, keymap: Keymap, theme: Theme, cache: MessageTextCache,
        memos: PaneMemos = PaneMemos(), report: inout ScrollReport
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
            SidebarView.render(state, in: sidebar, keymap: keymap, theme: theme, memo: memos.sidebar, into: &buffer)
        }
        TranscriptView.render(
            state, in: layout.transcript, reasoningInline: layout.thinking == nil, cache: cache, theme: theme,
            into: &buffer, report: &report)
        if state.scroll.jump != nil { report.jumped = true }
        if let thinking = layout.thinking {
            ThinkingPanelView.render(
                state, in: thinking, collapsed: layout.thinkingCollapsed, cache: cache, theme: theme, into: &buffer,
                report: &report)
        }
        for separator in layout.separators {
            PaneChrome.drawSeparator(separator, theme: theme, into: &buffer)
        }
        var cursor = EditorView.render(state, in: layout.editor, theme: theme, into: &buffer)
        if let findCursor = StatusBarView.render(
            state, in: layout.statusBar, keymap: keymap, theme: theme, into: &buffer)
        {
            cursor = findCursor
        }
        let screen = HelpOverlayView.area(size: state.size)
        switch state.overlay {
        case .help(let scroll):
            HelpOverlayView.render(scroll: scroll, in: screen, keymap: keymap, theme: theme, into: &buffer)
            cursor = nil
        case .codeBlocks(let blocks, let selection):
            CodeBlockPickerView.render(blocks, selection: selection, in: screen, theme: theme, into: &buffer)
            cursor = nil
        case .statistics(let id):
            AnswerStatisticsView.render(id, state: state, in: screen, cache: cache, theme: theme, into: &buffer)
            cursor = nil
        case .effort(let selection):
            EffortView.render(selection: selection, state: state, in: screen, theme: theme, into: &buffer)
            cursor = nil
        case .modelPicker:
            ControlsOverlayView.renderPicker(state, in: screen, theme: theme, into: &buffer)
            cursor = nil
        case .presets(let selection):
            ControlsOverlayView.renderPresets(state, selection: selection, in: screen, theme: theme, into: &buffer)
            cursor = nil
        case .budget(let text):
            ControlsOverlayView.renderBudget(state, text: text, in: screen, theme: theme, into: &buffer)
            cursor = nil
        case .errorText(let text, let scroll):
            ErrorOverlayView.render(text, scroll: scroll, in: screen, theme: theme, into: &buffer)
            cursor = nil
        case nil:
            break
        }
        return cursor
    }
}
