import PonderCore

/// Effort at a glance, over the screen: every answer of the conversation — its question,
/// thinking time and reasoning tokens — with a bar in block characters scaled to the answer that
/// thought longest, so the questions that made the model think hardest stand out.
enum EffortView {
    static func render(
        selection: Int, state: AppState, in screen: Rect, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        let answers = state.effortAnswers
        guard !answers.isEmpty else { return }
        let box = PaneChrome.drawOverlayBox(
            title: " Thinking per answer · Enter opens · Esc closes ", width: 96, height: answers.count + 3,
            on: screen, theme: theme, into: &buffer)
        let content = box.inset(top: 2, left: 1, bottom: 0, right: 1)
        let tokens = answers.map {
            ($0.reasoningTokensEstimated ? "~" : "") + AnswerStatistics.count($0.reasoningTokens)
        }
        let times = answers.map { $0.thinkingSeconds.map(AnswerStatistics.seconds) ?? "–" }
        let tokenWidth = tokens.map(\.count).max() ?? 0
        let timeWidth = times.map { DisplayWidth.of($0) }.max() ?? 0
        let barWidth = max(1, min(24, content.width / 4))
        let questionWidth = max(1, content.width - timeWidth - tokenWidth - barWidth - 4)
        let largest = Double(answers.map(\.reasoningTokens).max() ?? 0)
        let selection = min(selection, answers.count - 1)
        let first = max(0, min(selection - content.height + 1, answers.count - content.height))
        for (row, index) in (first..<answers.count).prefix(content.height).enumerated() {
            let answer = answers[index]
            let question = answer.question.isEmpty ? "(no question)" : answer.question
            let fitted = DisplayWidth.truncate(question, width: questionWidth)
            let style = index == selection ? theme.selection : theme.overlay
            let line = Rect(x: content.x, y: content.y + row, width: content.width, height: 1)
            buffer.fill(line, style: style)
            var x = buffer.write(fitted, at: Point(x: line.x, y: line.y), style: style, clip: line)
            x = line.x + questionWidth + 1
            let time = String(repeating: " ", count: timeWidth - DisplayWidth.of(times[index])) + times[index]
            let count = String(repeating: " ", count: tokenWidth - tokens[index].count) + tokens[index]
            x = buffer.write(time + "  " + count + " ", at: Point(x: x, y: line.y), style: style, clip: line)
            let bar = EffortBar.bar(Double(answer.reasoningTokens), of: largest, width: barWidth)
            var barStyle = Style(foreground: theme.accent, background: theme.overlay.background)
            if index == selection { barStyle = theme.selection }
            buffer.write(bar, at: Point(x: x, y: line.y), style: barStyle, clip: line)
        }
    }
}
