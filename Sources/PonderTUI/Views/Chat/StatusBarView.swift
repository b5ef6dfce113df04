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
            let query = DisplayWidth.truncate(Sanitizer.sanitizeLine(find.query), width: max(1, rect.maxX - x - 24))
            x = buffer.write(query, at: Point(x: x, y: rect.y), style: theme.statusNotice, clip: rect)
            // A notice (a quit that asks first, an error) takes the hint's place: hidden, a key would seem dead.
            if let notice = state.notice {
                let text = noticeLabel(notice, width: rect.maxX - x - 4)
                buffer.write(text, at: Point(x: x + 2, y: rect.y), style: theme.statusNotice, clip: rect)
            } else {
                let hint = "   Enter search · Esc cancel"
                buffer.write(hint, at: Point(x: x, y: rect.y), style: theme.statusBar, clip: rect)
            }
            return Point(x: min(x, rect.maxX - 1), y: rect.y)
        }
        var hints = hints(for: state, keymap: keymap)
        var kept = helpHint(in: hints, keymap: keymap).map { [$0] } ?? []
        if let notice = state.notice {
            // An error keeps room for the key that shows it whole.
            var room = rect.width - 2
            if notice.isError, let key = keymap.bindings.first(where: { $0.action == .app(.showError) })?.keys.first {
                let hint = (key.description, "whole error")
                hints.insert(hint, at: 0)
                kept = [hint] + kept
                room -= pieceWidth(hint)
            }
            x = buffer.write(
                noticeLabel(notice, width: room), at: Point(x: x, y: rect.y), style: theme.statusNotice, clip: rect)
        } else if let find = state.find {
            let text =
                " /" + Sanitizer.sanitizeLine(find.query) + " · " + find.position
                + " · n next · N previous · Esc closes "
            x = buffer.write(
                DisplayWidth.truncate(text, width: rect.width), at: Point(x: x, y: rect.y), style: theme.statusBar,
                clip: rect)
        } else {
            // On a bar of 80 columns or more the figures give way to the help hint, the last one dropped.
            let reserved = rect.width >= 80 ? kept.map(pieceWidth).reduce(0, +) : 0
            let summary = summary(state)
            let text =
                reserved > 0
                ? " " + DisplayWidth.truncate(summary, width: max(1, rect.width - reserved - 2)) + " "
                : DisplayWidth.truncate(" " + summary + " ", width: rect.width)
            x = buffer.write(text, at: Point(x: x, y: rect.y), style: theme.statusBar, clip: rect)
        }
        let pieces = fitting(hints, room: rect.maxX - x, kept: kept)
        var hintX = rect.maxX - pieces.map(pieceWidth).reduce(0, +)
        for (key, label) in pieces {
            hintX = buffer.write(key, at: Point(x: hintX, y: rect.y), style: theme.statusHintKey, clip: rect)
            hintX = buffer.write(" \(label)  ", at: Point(x: hintX, y: rect.y), style: theme.statusBar, clip: rect)
        }
        return nil
    }

    /// A notice as the bar shows it: cut to `width` columns (at least one), a space either side.
    static func noticeLabel(_ notice: Notice, width: Int) -> String {
        " " + DisplayWidth.truncate(notice.text, width: max(1, width)) + " "
    }

    /// Provider and model, the state, then tokens, cache hits, speed and cost of the shown answer.
    static func summary(_ state: AppState) -> String {
        let provider = Sanitizer.sanitizeLine(state.providerLabel)
        let model = Sanitizer.sanitizeLine(state.modelLabel)
        var parts = ["\(provider) · \(model)" + controlsLabel(state.controls), state.activity]
        guard let message = state.panelMessage else { return parts.joined(separator: " │ ") }
        let usage = message.usage
        var numbers: [String] = []
        if let prompt = usage.promptTokens { numbers.append("in \(AnswerStatistics.count(prompt))") }
        if let reasoning = ReasoningSummary.tokens(of: message, stream: state.stream) {
            numbers.append("think \(AnswerStatistics.count(reasoning))")
        }
        if let answer = usage.answerTokens
            ?? (state.stream?.messageID == message.id ? state.stream?.answerChunks : nil),
            answer > 0
        {
            numbers.append("out \(AnswerStatistics.count(answer))")
        }
        if let share = usage.cacheHitShare { numbers.append("cache \(Int((share * 100).rounded()))%") }
        if let silence = state.stream.flatMap({ $0.messageID == message.id ? $0.silenceText : nil }) {
            numbers.append(silence)
        } else if let speed = speed(message, state: state) {
            numbers.append("\(speed) tok/s")
        }
        if let prices = state.prices, let cost = prices.cost(of: usage) {
            numbers.append(prices.currency + String(format: "%.4f", cost))
        }
        if !numbers.isEmpty {
            // Whose figures these are: the provider's, or Ponder's own count of the streamed pieces.
            let live = state.stream?.messageID == message.id
            numbers.append(live || usage.counted ? "counted" : "reported")
        }
        if !numbers.isEmpty { parts.append(numbers.joined(separator: " · ")) }
        if let totals = totals(state) { parts.append(totals) }
        return parts.joined(separator: " │ ")
    }

    /// `Σ chat 12,040 tok $0.0210 · session 30,100 tok $0.0520`: every answer of the open
    /// conversation (regenerated versions included, as each was paid for) and every answer that
    /// ended since the app started. Each part only when it adds something: the chat's once it has
    /// more than one answer (one answer's figures are already shown), the session's when it
    /// differs from the chat's.
    static func totals(_ state: AppState) -> String? {
        let chat = UsageTotals.of(state.messages, prices: state.prices)
        let currency = state.prices?.currency
        var parts: [String] = []
        if chat.answers > 1 { parts.append("chat " + chat.text(currency: currency)) }
        if state.session.answers > 0, state.session.tokens != chat.tokens {
            parts.append("session " + state.session.text(currency: currency))
        }
        return parts.isEmpty ? nil : "Σ " + parts.joined(separator: " · ")
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

    /// The hints for the focused context: key and word. The sidebar shares the panes' keys but
    /// only moving and opening do something there, so only those are hinted (in its words).
    static func hints(for state: AppState, keymap: Keymap) -> [Hint] {
        keymap.hints(for: contexts(for: state)).compactMap { binding -> Hint? in
            guard let key = binding.keys.first, var label = binding.hint else { return nil }
            if state.focus == .sidebar, state.overlay == nil, binding.context == .pane {
                switch binding.action {
                case .scroll: label = "select"
                case .fold(.toggle): label = "open"
                default: return nil
                }
            }
            return (key.description, label)
        }
    }

    static func contexts(for state: AppState) -> [KeyContext] {
        if state.overlay != nil { return [.help] }
        return [state.focus == .editor ? .editor : .pane, .global]
    }
}
