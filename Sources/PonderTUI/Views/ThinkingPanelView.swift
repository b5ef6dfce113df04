import PonderCore

/// The thinking panel beside the answer pane, or its collapsed strip: the reasoning of the
/// selected assistant message (the newest while streaming), following the live end unless the
/// user scrolled up, under a live header with time, tokens and speed.
enum ThinkingPanelView {
    static func render(
        _ state: AppState, in rect: Rect, collapsed: Bool, cache: MessageTextCache, theme: Theme,
        into buffer: inout ScreenBuffer
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
        let message = state.panelMessage
        let header = ReasoningSummary.panelHeader(message, stream: state.stream)
        PaneChrome.drawTitle(header, in: rect, focused: state.focus == .thinking, theme: theme, into: &buffer)
        let body = rect.inset(top: 1)
        guard let message else {
            PaneChrome.drawCentered(
                ["Reasoning will stream here", "Ctrl-T folds this panel"], in: body, style: theme.emptyState,
                into: &buffer)
            return
        }
        guard !message.reasoning.isEmpty else {
            let waiting = state.stream?.messageID == message.id
            PaneChrome.drawCentered(
                [waiting ? "Waiting for the model…" : "No reasoning for this answer"], in: body,
                style: theme.emptyState, into: &buffer)
            return
        }
        let width = max(1, body.width - 1)
        let text = cache.text(.reasoning, of: message)
        let lines = text.lastLines(body.height, width: width, skippingLast: state.scroll.thinkingFromBottom)
        for (row, line) in lines.enumerated() {
            ScreenLine(line, theme: theme).draw(at: Point(x: body.x + 1, y: body.y + row), clip: body, into: &buffer)
        }
    }
}
