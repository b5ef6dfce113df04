/// The thinking panel beside the answer pane, or its collapsed strip.
enum ThinkingPanelView {
    static func render(
        _ state: AppState, in rect: Rect, collapsed: Bool, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        buffer.fill(rect, style: theme.text)
        if collapsed {
            let label = Array("◂THINKING")
            for row in 0..<min(rect.height, label.count) {
                buffer.write(
                    String(label[row]), at: Point(x: rect.x, y: rect.y + row), style: theme.paneTitle, clip: rect)
            }
            return
        }
        PaneChrome.drawTitle("Thinking", in: rect, focused: state.focus == .thinking, theme: theme, into: &buffer)
        PaneChrome.drawCentered(
            ["Reasoning will stream here", "Ctrl-T folds this panel"], in: rect.inset(top: 1), style: theme.emptyState,
            into: &buffer)
    }
}
