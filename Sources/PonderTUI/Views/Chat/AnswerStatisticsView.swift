import Foundation
import PonderCore

/// The figures of one answer over the screen: its question, thinking time, reasoning and answer
/// tokens, speed, and its trace's steps and reflection points by kind.
enum AnswerStatisticsView {
    static func render(
        _ id: MessageID, state: AppState, in screen: Rect, cache: MessageTextCache, theme: Theme,
        into buffer: inout ScreenBuffer
    ) {
        guard let message = state.messages.last(where: { $0.id == id }) else { return }
        let live = state.stream?.messageID == id ? state.stream : nil
        let outline = message.reasoning.isEmpty ? nil : cache.outline(of: message)
        let statistics = AnswerStatistics(
            message: message, outline: outline, streamedReasoningChunks: live?.reasoningChunks,
            now: live?.updatedAt)
        let question = state.messages.last { $0.id == message.parentID }.map { Sanitizer.sanitizeLine($0.answer) }
        let rows = statistics.lines
        let box = PaneChrome.drawOverlayBox(
            title: " Figures of this answer · Esc closes ", width: 56, height: rows.count + 4, on: screen,
            theme: theme, into: &buffer)
        let content = box.inset(top: 1, left: 2, bottom: 0, right: 1)
        var y = content.y
        if let question {
            buffer.write(
                DisplayWidth.truncate("“" + question + "”", width: content.width), at: Point(x: content.x, y: y),
                style: theme.overlay, clip: content)
        }
        y += 2
        let labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        for row in rows where y < content.maxY {
            let x = buffer.write(row.label, at: Point(x: content.x, y: y), style: theme.overlayKey, clip: content)
            buffer.write(
                row.value, at: Point(x: x + labelWidth - DisplayWidth.of(row.label) + 2, y: y), style: theme.overlay,
                clip: content)
            y += 1
        }
    }
}
