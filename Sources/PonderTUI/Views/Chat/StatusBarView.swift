import PonderCore

/// The bottom row: provider and model, what is happening (or a notice), and key hints
/// generated from the keymap for the focused context.
enum StatusBarView {
    /// Draws the bar; returns where the cursor goes while a search query is typed in it.
    @discardableResult
    static func render(
        _ state: AppState, in rect: Rect, keymap: Keymap, theme: Theme, into buffer: inout ScreenBuffer
    ) -> Point? {
        buffer.fill(rect, style: theme.statusBar)
        var x = rect.x
        if let find = state.find, find.isEditing {
            let searched = find.pane == .thinking ? "thinking" : "answers"
            x = buffer.write(" Search \(searched): /", at: Point(x: x, y: rect.y), style: theme.statusBar, clip: rect)
            let query = TextFit.truncate(Sanitizer.sanitizeLine(find.query), width: max(1, rect.maxX - x - 24))
            x = buffer.write(query, at: Point(x: x, y: rect.y), style: theme.statusNotice, clip: rect)
            buffer.write("   Enter search · Esc cancel", at: Point(x: x, y: rect.y), style: theme.statusBar, clip: rect)
            return Point(x: min(x, rect.maxX - 1), y: rect.y)
        }
        if let notice = state.notice {
            let text = " " + TextFit.truncate(notice.text, width: rect.width - 2) + " "
            x = buffer.write(text, at: Point(x: x, y: rect.y), style: theme.statusNotice, clip: rect)
        } else if let find = state.find {
            let text =
                " /" + Sanitizer.sanitizeLine(find.query) + " · " + find.position
                + " · n next · N previous · Esc closes "
            x = buffer.write(
                TextFit.truncate(text, width: rect.width), at: Point(x: x, y: rect.y), style: theme.statusBar,
                clip: rect)
        } else {
            let text = " " + summary(state) + " "
            x = buffer.write(
                TextFit.truncate(text, width: rect.width), at: Point(x: x, y: rect.y), style: theme.statusBar,
                clip: rect)
        }
        let hints = keymap.hints(for: contexts(for: state)).compactMap { binding -> (String, String)? in
            guard let key = binding.keys.first, let label = binding.hint else { return nil }
            return (key.description, label)
        }
        var pieces: [(String, String)] = []
        var width = 0
        for hint in hints {
            let pieceWidth = DisplayWidth.of(hint.0) + 1 + DisplayWidth.of(hint.1) + 2
            if x + width + pieceWidth > rect.maxX { break }
            pieces.append(hint)
            width += pieceWidth
        }
        var hintX = rect.maxX - width
        for (key, label) in pieces {
            hintX = buffer.write(key, at: Point(x: hintX, y: rect.y), style: theme.statusHintKey, clip: rect)
            hintX = buffer.write(" \(label)  ", at: Point(x: hintX, y: rect.y), style: theme.statusBar, clip: rect)
        }
        return nil
    }

    /// Provider and model, the state, then tokens, cache hits, speed and cost of the shown answer.
    static func summary(_ state: AppState) -> String {
        let provider = Sanitizer.sanitizeLine(state.providerLabel)
        let model = Sanitizer.sanitizeLine(state.modelLabel)
        var parts = ["\(provider) · \(model)" + controlsLabel(state.controls), state.activity]
        guard let message = state.panelMessage else { return parts.joined(separator: " │ ") }
        let usage = message.usage
        var numbers: [String] = []
        if let prompt = usage.promptTokens { numbers.append("in \(ReasoningSummary.formatCount(prompt))") }
        if let reasoning = ReasoningSummary.tokens(of: message, stream: state.stream) {
            numbers.append("think \(ReasoningSummary.formatCount(reasoning))")
        }
        if let answer = usage.answerTokens
            ?? (state.stream?.messageID == message.id ? state.stream?.answerChunks : nil),
            answer > 0
        {
            numbers.append("out \(ReasoningSummary.formatCount(answer))")
        }
        if let share = usage.cacheHitShare { numbers.append("cache \(Int((share * 100).rounded()))%") }
        if let speed = speed(message, state: state) { numbers.append("\(speed) tok/s") }
        if let prices = state.prices, let cost = prices.cost(of: usage) {
            numbers.append(prices.currency + String(format: "%.4f", cost))
        }
        if !numbers.isEmpty { parts.append(numbers.joined(separator: " · ")) }
        return parts.joined(separator: " │ ")
    }

    /// Generated tokens per second, from the first token to the end (or the latest update).
    private static func speed(_ message: Message, state: AppState) -> Int? {
        let live = state.stream?.messageID == message.id
        guard let start = message.timings.firstReasoning ?? message.timings.firstAnswer,
            let end = live ? state.stream?.updatedAt : message.timings.finished
        else { return nil }
        let tokens =
            live
            ? (state.stream?.reasoningChunks ?? 0) + (state.stream?.answerChunks ?? 0)
            : (message.usage.completionTokens ?? 0)
        let seconds = end.timeIntervalSince(start)
        guard seconds > 0.5, tokens > 0 else { return nil }
        return Int((Double(tokens) / seconds).rounded())
    }

    static func contexts(for state: AppState) -> [KeyContext] {
        if state.overlay != nil { return [.help] }
        return [state.focus == .editor ? .editor : .pane, .global]
    }
}
