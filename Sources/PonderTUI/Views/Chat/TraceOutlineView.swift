import PonderCore

/// The thinking panel's outline mode: one line per step of the trace — its number, the glyph of
/// its kind, its first words and its size in tokens — reflection points in the warning style,
/// the chosen step highlighted. It follows the newest step until the reader chooses one.
enum TraceOutlineView {
    /// Draws the steps in `rect` (the map strip goes in its first column) and returns the chosen
    /// step, after carrying out `move`.
    static func render(
        _ outline: TraceOutline, message: Message, state: AppState, move: TraceMove?, in rect: Rect, theme: Theme,
        into buffer: inout ScreenBuffer, report: inout TraceReport
    ) -> Int {
        let count = outline.stepCount
        guard count > 0, !rect.isEmpty else { return 0 }
        var selection = min(state.trace.outlineSelection ?? count - 1, count - 1)
        if let move {
            let moved = target(of: move, from: selection, in: outline)
            report.moved = true
            if let moved {
                selection = moved
                report.outlineSelection = moved
            } else {
                report.missed = TraceMoveText.missed(move)
            }
        }
        let rows = rect.height
        let first = min(max(0, selection - rows / 2), max(0, count - rows))
        let shown = first..<min(count, first + rows)
        let list = rect.inset(left: 1)
        let numberWidth = String(count).count
        let reported = message.usage.reasoningTokens
        let tokenTexts = shown.map { AnswerStatistics.count(outline.tokens(ofStep: $0, reportedTotal: reported)) }
        let tokenWidth = tokenTexts.map(\.count).max() ?? 0
        for (row, index) in shown.enumerated() {
            let step = outline.step(at: index)
            let number = String(index + 1)
            let prefix = String(repeating: " ", count: numberWidth - number.count) + number + " "
            let glyph = (step.kind?.glyph ?? "·") + " "
            let tokens = tokenTexts[row]
            let wordsWidth = max(0, list.width - prefix.count - 2 - tokenWidth - 1)
            let words = outline.firstWords(ofStep: index, width: wordsWidth)
            let padding = String(repeating: " ", count: max(0, wordsWidth - DisplayWidth.of(words)))
            let tokenPad = String(repeating: " ", count: tokenWidth - tokens.count)
            var style = step.kind == nil ? theme.text : theme.warning
            if index == selection { style.attributes.insert(.reverse) }
            let line = Rect(x: list.x, y: list.y + row, width: list.width, height: 1)
            buffer.fill(line, style: style)
            var numberStyle = Style(foreground: theme.muted)
            if index == selection { numberStyle.attributes.insert(.reverse) }
            var x = buffer.write(prefix, at: Point(x: line.x, y: line.y), style: numberStyle, clip: line)
            x = buffer.write(glyph + words + padding + " ", at: Point(x: x, y: line.y), style: style, clip: line)
            buffer.write(tokenPad + tokens, at: Point(x: x, y: line.y), style: numberStyle, clip: line)
        }
        let visible = outline.step(at: shown.lowerBound).offset..<outline.step(at: shown.upperBound - 1).end
        if count > rows {
            TraceMapView.render(
                outline, visible: visible, matches: TraceMoveText.matchOffsets(state, message: message),
                column: Rect(x: rect.x, y: rect.y, width: 1, height: rect.height), theme: theme, into: &buffer)
        }
        return selection
    }

    /// The step a move chooses in the outline, from step `selection`; nil when there is none.
    static func target(of move: TraceMove, from selection: Int, in outline: TraceOutline) -> Int? {
        let step = outline.step(at: selection)
        switch move {
        case .nextStep: return selection + 1 < outline.stepCount ? selection + 1 : nil
        case .previousStep: return selection > 0 ? selection - 1 : nil
        case .nextReflection: return outline.pointIndex(after: step.end - 1).map { outline.point(at: $0).step }
        case .previousReflection: return outline.pointIndex(before: step.offset).map { outline.point(at: $0).step }
        case .step(let index): return min(max(0, index), outline.stepCount - 1)
        case .select(let offset): return outline.stepIndex(containing: offset)
        }
    }
}
