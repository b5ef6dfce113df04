import PonderCore

/// The thinking panel beside the answer pane, or its collapsed strip: the reasoning of the
/// selected assistant message (the newest while streaming), following the live end unless the
/// user scrolled up, under a live header with time, tokens and speed.
enum ThinkingPanelView {
    static func render(
        _ state: AppState, in rect: Rect, collapsed: Bool, cache: MessageTextCache, theme: Theme,
        into buffer: inout ScreenBuffer, report: inout ScrollReport
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
        var header = ReasoningSummary.panelHeader(message, stream: state.stream)
        if let message, state.stream?.messageID == message.id, state.scroll.thinkingFromBottom > 0 {
            header = "Paused, End follows · " + header
        }
        PaneChrome.drawTitle(header, in: rect, focused: state.focus == .thinking, theme: theme, into: &buffer)
        let body = rect.inset(top: 1)
        guard let message else {
            let note = state.controls.emptyPanelNote(for: nil) ?? "Reasoning will stream here"
            PaneChrome.drawCentered(
                [note, "Ctrl-T folds this panel"], in: body, style: theme.emptyState, into: &buffer)
            return
        }
        guard !message.reasoning.isEmpty else {
            let waiting = state.stream?.messageID == message.id
            PaneChrome.drawCentered(
                [waiting ? "Waiting for the model…" : noReasoningNote(message, state: state)], in: body,
                style: theme.emptyState, into: &buffer)
            return
        }
        let width = max(1, body.width - 1)
        let text = cache.text(.reasoning, of: message)
        let lines: [StyledLine]
        let scroll = state.scroll
        let jump = scroll.jump.flatMap { $0.pane == .thinking && $0.messageID == message.id ? $0 : nil }
        if scroll.thinkingFromBottom == 0 && jump == nil {
            lines = text.lastLines(body.height, width: width)
        } else {
            let total = text.lineCount(width: width)
            var fromBottom = ScrollReport.paused(
                fromBottom: scroll.thinkingFromBottom, known: scroll.thinkingLines?.count(atWidth: width), total: total,
                height: body.height)
            if let jump {
                let line = text.lineIndex(forUTF8Offset: jump.utf8Offset, width: width)
                fromBottom = ScrollReport.centring(line: line, total: total, height: body.height)
                report.jumped = true
            }
            report.thinking = ScrollReport.Position(
                fromBottom: fromBottom, drawnLines: DrawnLines(width: width, count: total))
            lines = text.lines(endingAt: total - fromBottom, count: body.height, width: width)
        }
        let query = state.find.flatMap { $0.pane == .thinking && !$0.isEditing ? $0.query : nil }
        for (row, line) in lines.enumerated() {
            var screenLine = ScreenLine(line, theme: theme)
            if let query { screenLine = screenLine.highlighting(query, style: theme.searchMatch) }
            screenLine.draw(at: Point(x: body.x + 1, y: body.y + row), clip: body, into: &buffer)
        }
    }

    /// Why an answer's panel is empty: the model does not show its reasoning (and what gets one that
    /// does), or simply none came.
    static func noReasoningNote(_ message: Message, state: AppState) -> String {
        state.controls.emptyPanelNote(for: message) ?? "No reasoning for this answer"
    }
}
