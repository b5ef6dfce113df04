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
        let paused = message.map { state.stream?.messageID == $0.id && state.scroll.thinkingFromBottom > 0 } ?? false
        let body = rect.inset(top: 1)
        guard let message else {
            PaneChrome.drawTitle(header, in: rect, focused: state.focus == .thinking, theme: theme, into: &buffer)
            let note = state.controls.emptyPanelNote(for: nil) ?? "Reasoning will stream here"
            PaneChrome.drawCentered(
                [note, "Ctrl-T folds this panel"], in: body, style: theme.emptyState, into: &buffer)
            return
        }
        guard !message.reasoning.isEmpty else {
            PaneChrome.drawTitle(header, in: rect, focused: state.focus == .thinking, theme: theme, into: &buffer)
            let waiting = state.stream?.messageID == message.id
            PaneChrome.drawCentered(
                [waiting ? "Waiting for the model…" : noReasoningNote(message, state: state)], in: body,
                style: theme.emptyState, into: &buffer)
            return
        }
        let outline = cache.outline(of: message)
        var trace = TraceReport(stepCount: outline.stepCount)
        defer { report.trace = trace }
        let position: TracePosition
        if state.trace.outlineOpen {
            let selection = TraceOutlineView.render(
                outline, message: message, state: state, move: state.trace.move, in: body, theme: theme,
                into: &buffer, report: &trace)
            position = outline.position(at: outline.stepCount > 0 ? outline.step(at: selection).offset : 0)
        } else {
            position = drawText(
                message, outline: outline, state: state, in: body, cache: cache, theme: theme, into: &buffer,
                report: &report, trace: &trace)
        }
        if state.trace.outlineOpen { header = "Outline · " + header }
        if paused { header = "Paused, End follows · " + header }
        drawTitle(
            header, position: outline.stepCount > 1 ? position : nil, in: rect, focused: state.focus == .thinking,
            theme: theme, into: &buffer)
    }

    /// The title row: what the panel shows on the left, where the reader is on the right —
    /// `step 14/52 · reflection 3/9`, or `14/52 · 3/9` when the panel is narrow.
    private static func drawTitle(
        _ title: String, position: TracePosition?, in rect: Rect, focused: Bool, theme: Theme,
        into buffer: inout ScreenBuffer
    ) {
        guard let place = position else {
            PaneChrome.drawTitle(title, in: rect, focused: focused, theme: theme, into: &buffer)
            return
        }
        var position = place.description
        if rect.width - DisplayWidth.of(position) < 24 {
            position = "\(place.step)/\(place.stepCount) · \(place.reflection)/\(place.reflectionCount)"
        }
        let right = DisplayWidth.of(position) + 1
        guard rect.width - right >= 12 else {
            PaneChrome.drawTitle(position + " · " + title, in: rect, focused: focused, theme: theme, into: &buffer)
            return
        }
        let left = DisplayWidth.truncate(title, width: rect.width - right - 2)
        PaneChrome.drawTitle(left, in: rect, focused: focused, theme: theme, into: &buffer)
        buffer.write(
            position, at: Point(x: rect.maxX - right, y: rect.y),
            style: focused ? theme.focusedPaneTitle : theme.paneTitle,
            clip: rect)
    }

    /// The reasoning text in `body` (its first column holds the map strip when the text is longer
    /// than the panel), with a pending jump or trace move carried out; returns where the reader is.
    private static func drawText(
        _ message: Message, outline: TraceOutline, state: AppState, in body: Rect, cache: MessageTextCache,
        theme: Theme, into buffer: inout ScreenBuffer, report: inout ScrollReport, trace: inout TraceReport
    ) -> TracePosition {
        let width = max(1, body.width - 1)
        let text = cache.text(.reasoning, of: message)
        let lines = TraceLines(text: text, outline: outline, width: width)
        let scroll = state.scroll
        let jump = scroll.jump.flatMap { $0.pane == .thinking && $0.messageID == message.id ? $0 : nil }
        let total = text.lineCount(width: width)
        let height = body.height
        var fromBottom = 0
        var cursor = state.trace.cursor.flatMap { $0.messageID == message.id ? $0.utf8Offset : nil }
        if scroll.thinkingFromBottom != 0 || jump != nil || state.trace.move != nil {
            fromBottom = ScrollReport.paused(
                fromBottom: scroll.thinkingFromBottom, known: scroll.thinkingLines?.count(atWidth: width), total: total,
                height: height)
            if let jump {
                let line = text.lineIndex(forUTF8Offset: jump.utf8Offset, width: width)
                fromBottom = ScrollReport.centring(line: line, total: total, height: height)
                report.jumped = true
            }
            if let move = state.trace.move {
                let top = max(0, total - fromBottom - height)
                if let offset = cursor, !(top..<top + height).contains(lines.line(ofOffset: offset)) { cursor = nil }
                trace.moved = true
                if let target = target(of: move, cursor: cursor, top: top, lines: lines) {
                    let line = lines.line(ofOffset: target)
                    if case .select = move {
                        fromBottom = ScrollReport.centring(line: line, total: total, height: height)
                    } else {
                        fromBottom = min(max(0, total - height), max(0, total - line - height))
                    }
                    cursor = target
                    trace.cursor = TraceCursor(messageID: message.id, utf8Offset: target)
                } else {
                    trace.missed = TraceMoveText.missed(move)
                }
            }
            report.thinking = ScrollReport.Position(
                fromBottom: fromBottom, drawnLines: DrawnLines(width: width, count: total))
        }
        let top = max(0, total - fromBottom - height)
        let shown =
            fromBottom == 0
            ? text.lastLines(height, width: width)
            : text.lines(endingAt: total - fromBottom, count: height, width: width)
        var find: FindHighlight?
        if state.find?.pane == .thinking {
            find = FindHighlight(find: state.find, pane: .thinking, firstVisibleLine: top) { match in
                match.messageID == message.id && match.part == .reasoning
                    ? text.lineIndex(forUTF8Offset: match.utf8Offset, width: width) : nil
            }
            report.findCurrent = find?.chosen ?? report.findCurrent
        }
        for (row, line) in shown.enumerated() {
            var screenLine = ScreenLine(line, theme: theme)
            if let find { screenLine = find.apply(screenLine, line: top + row, theme: theme) }
            screenLine.draw(at: Point(x: body.x + 1, y: body.y + row), clip: body, into: &buffer)
        }
        guard total > height else {
            return outline.position(at: cursor ?? (fromBottom == 0 ? outline.byteCount : lines.stepOffset(atLine: top)))
        }
        let visible = lines.visibleOffsets(top: top, height: height)
        TraceMapView.render(
            outline, visible: visible, matches: TraceMoveText.matchOffsets(state, message: message),
            column: Rect(x: body.x, y: body.y, width: 1, height: height), theme: theme, into: &buffer)
        if let cursor, (top..<top + height).contains(lines.line(ofOffset: cursor)) {
            return outline.position(at: cursor)
        }
        return outline.position(at: fromBottom == 0 ? outline.byteCount : visible.lowerBound)
    }

    /// The offset a move goes to: from the place last jumped to while it is on screen, else from
    /// the top line; nil when there is nowhere to go.
    private static func target(of move: TraceMove, cursor: Int?, top: Int, lines: TraceLines) -> Int? {
        let outline = lines.outline
        switch move {
        case .nextStep:
            let index = cursor.map { outline.stepIndex(after: $0) } ?? lines.nextStep(belowLine: top)
            return index.map { outline.step(at: $0).offset }
        case .previousStep:
            let index = cursor.map { outline.stepIndex(before: $0) } ?? lines.previousStep(aboveLine: top)
            return index.map { outline.step(at: $0).offset }
        case .nextReflection:
            let index = cursor.map { outline.pointIndex(after: $0) } ?? lines.nextPoint(belowLine: top)
            return index.map { outline.point(at: $0).offset }
        case .previousReflection:
            let index = cursor.map { outline.pointIndex(before: $0) } ?? lines.previousPoint(aboveLine: top)
            return index.map { outline.point(at: $0).offset }
        case .step(let index):
            return outline.stepCount > 0 ? outline.step(at: min(max(0, index), outline.stepCount - 1)).offset : nil
        case .select(let offset):
            return offset
        }
    }

    /// Why an answer's panel is empty: the model does not show its reasoning (and what gets one that
    /// does), or simply none came.
    static func noReasoningNote(_ message: Message, state: AppState) -> String {
        state.controls.emptyPanelNote(for: message) ?? "No reasoning for this answer"
    }
}
