import PonderCore

/// The conversation pane, where answers appear: each user message, and each assistant message
/// with its fold header, its reasoning when unfolded, its answer and a word when it stopped
/// early. Only the lines on screen are built; until there are messages it explains what to do.
enum TranscriptView {
    static func render(
        _ state: AppState, in rect: Rect, reasoningInline: Bool, cache: MessageTextCache, theme: Theme,
        into buffer: inout ScreenBuffer
    ) {
        buffer.fill(rect, style: theme.text)
        PaneChrome.drawTitle(title(state), in: rect, focused: state.focus == .transcript, theme: theme, into: &buffer)
        let body = rect.inset(top: 1)
        guard !state.messages.isEmpty else {
            let text = state.firstRunHelp ?? ["No messages yet", "Ask something below — answers appear here"]
            PaneChrome.drawCentered(text, in: body, style: theme.emptyState, into: &buffer)
            return
        }
        let width = max(1, body.width - 2)
        var segments: [LineSegment] = []
        var collected = 0
        let needed = body.height + state.scroll.transcriptFromBottom
        let selected = Reducer.selectedAssistantIndex(state).map { state.messages[$0].id }
        let visible = state.visibleMessages
        for message in visible.reversed() {
            let own = self.segments(
                for: message, selected: message.id == selected && state.focus == .transcript, state: state,
                reasoningInline: reasoningInline, width: width, cache: cache, theme: theme)
            segments.insert(contentsOf: own, at: 0)
            collected += own.reduce(0) { $0 + $1.count }
            if collected >= needed { break }
        }
        let end = max(min(collected, body.height), collected - state.scroll.transcriptFromBottom)
        let start = max(0, end - body.height)
        var row = 0
        var offset = 0
        for segment in segments {
            defer { offset += segment.count }
            let lower = max(start, offset) - offset
            let upper = min(end, offset + segment.count) - offset
            guard lower < upper else { continue }
            for line in segment.lines(lower..<upper) {
                line.draw(at: Point(x: body.x + 1, y: body.y + row), clip: body, into: &buffer)
                row += 1
            }
        }
    }

    static func title(_ state: AppState) -> String {
        if let id = state.conversationID, let conversation = state.conversations.first(where: { $0.id == id }) {
            let title = Sanitizer.sanitizeLine(conversation.title)
            return title.isEmpty ? "Untitled" : title
        }
        return "New conversation"
    }

    private static func segments(
        for message: Message, selected: Bool, state: AppState, reasoningInline: Bool, width: Int,
        cache: MessageTextCache, theme: Theme
    ) -> [LineSegment] {
        var segments: [LineSegment] = []
        switch message.role {
        case .user, .system:
            segments.append(
                .single(ScreenLine(message.role == .user ? "You" : "System", style: theme.focusedPaneTitle)))
            segments.append(.text(cache.text(.answer, of: message), width: width, theme: theme))
        case .assistant:
            let streaming = state.stream?.messageID == message.id
            let folded = state.isFolded(message)
            if !message.reasoning.isEmpty || streaming {
                let header = ReasoningSummary.foldHeader(message, folded: folded, stream: state.stream)
                let style = selected ? theme.selection : theme.thinkingText
                segments.append(.single(ScreenLine(header, style: style)))
                let liveInline = reasoningInline && streaming && state.stream?.phase != .answering
                if (!folded || liveInline) && !message.reasoning.isEmpty {
                    segments.append(
                        .text(cache.text(.reasoning, of: message), width: max(1, width - 2), theme: theme, prefix: "┊ ")
                    )
                }
            }
            if !message.answer.isEmpty {
                segments.append(.text(cache.text(.answer, of: message), width: width, theme: theme))
            }
            if let note = statusNote(message) {
                segments.append(.single(ScreenLine(note, style: theme.warning)))
            }
            let siblings = state.siblings(of: message)
            if siblings.count > 1, let position = siblings.firstIndex(where: { $0.id == message.id }) {
                let line = "Answer \(position + 1) of \(siblings.count) · < > show the others"
                segments.append(.single(ScreenLine(line, style: theme.paneTitle)))
            }
        }
        segments.append(.single(.blank))
        return segments
    }

    /// A word under an answer that did not finish normally.
    static func statusNote(_ message: Message) -> String? {
        switch message.status {
        case .complete, .streaming: return nil
        case .cancelled: return "⏹ Stopped — the partial answer is kept"
        case .interrupted: return "⚠ Interrupted — the partial answer is kept"
        case .failed:
            let reason = message.errorText.map { Sanitizer.sanitizeLine($0) } ?? "unknown error"
            return "✖ Failed: \(reason)"
        }
    }
}
