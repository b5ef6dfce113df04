import PonderCore

/// The conversation pane, where answers appear: each user message, and each assistant message
/// with its fold header, its reasoning when unfolded, its answer and a word when it stopped
/// early. Only the lines on screen are built; until there are messages it explains what to do.
enum TranscriptView {
    static func render(
        _ state: AppState, in rect: Rect, reasoningInline: Bool, cache: MessageTextCache, theme: Theme,
        into buffer: inout ScreenBuffer, report: inout ScrollReport
    ) {
        buffer.fill(rect, style: theme.text)
        PaneChrome.drawTitle(title(state), in: rect, focused: state.focus == .transcript, theme: theme, into: &buffer)
        let body = rect.inset(top: 1)
        guard !state.messages.isEmpty else {
            let text =
                state.firstRunHelp ?? ["No messages yet", "Ask something below — answers appear here"]
                + systemPromptLines(state).prefix(1).map(\.text)
            PaneChrome.drawCentered(text, in: body, style: theme.emptyState, into: &buffer)
            return
        }
        let width = max(1, body.width - 2)
        let scroll = state.scroll
        let jump = scroll.jump.flatMap { $0.pane == .transcript ? $0 : nil }
        // Following the live end, only the messages that fill the view are laid out; paused or
        // jumping, all are, to know where the view is.
        let following = scroll.transcriptFromBottom == 0 && jump == nil
        var segments: [LineSegment] = []
        var collected = 0
        var jumpLinesBelow: Int?
        // Each laid-out message's parts, and the lines below it, to place search matches.
        var placed: [MessageID: (lines: MessageLines, below: Int)] = [:]
        let selected = Reducer.selectedAssistantIndex(state).map { state.messages[$0].id }
        let visible = state.visibleMessages
        let previousModels = previousAnswerModels(visible)
        var reachedTop = true
        for message in visible.reversed() {
            let own = self.lines(
                for: message, selected: message.id == selected && state.focus == .transcript, state: state,
                reasoningInline: reasoningInline, width: width, cache: cache, theme: theme,
                modelMark: modelMark(for: message, previous: previousModels[message.id] ?? nil, state: state))
            if let jump, jump.messageID == message.id, let part = own.parts[jump.part] {
                let line = part.start + part.markdown.lineIndex(forUTF8Offset: jump.utf8Offset, width: part.width)
                jumpLinesBelow = collected + own.count - line - 1
            }
            segments.insert(contentsOf: own.segments, at: 0)
            if state.find?.pane == .transcript { placed[message.id] = (own, collected) }
            collected += own.count
            if following && collected >= body.height {
                reachedTop = false
                break
            }
        }
        if reachedTop {
            let top = systemPromptLines(state).map { LineSegment.single(ScreenLine($0.text, style: $0.style(theme))) }
            segments.insert(contentsOf: top, at: 0)
            collected += top.count
        }
        var fromBottom = 0
        if !following {
            fromBottom = ScrollReport.paused(
                fromBottom: scroll.transcriptFromBottom, known: scroll.transcriptLines?.count(atWidth: width),
                total: collected,
                height: body.height)
            if let jumpLinesBelow {
                fromBottom = ScrollReport.centring(
                    line: collected - 1 - jumpLinesBelow, total: collected, height: body.height)
            }
            report.jumped = report.jumped || jump != nil
            report.transcript = ScrollReport.Position(
                fromBottom: fromBottom, drawnLines: DrawnLines(width: width, count: collected))
        }
        let end = collected - fromBottom
        let start = max(0, end - body.height)
        let total = collected
        let find = FindHighlight(find: state.find, pane: .transcript, firstVisibleLine: start) { match in
            guard let entry = placed[match.messageID], let part = entry.lines.parts[match.part] else { return nil }
            let top = total - entry.below - entry.lines.count
            return top + part.start + part.markdown.lineIndex(forUTF8Offset: match.utf8Offset, width: part.width)
        }
        report.findCurrent = find?.chosen ?? report.findCurrent
        var row = 0
        var offset = 0
        for segment in segments {
            defer { offset += segment.count }
            let lower = max(start, offset) - offset
            let upper = min(end, offset + segment.count) - offset
            guard lower < upper else { continue }
            for line in segment.lines(lower..<upper) {
                let shown = find?.apply(line, line: start + row, theme: theme) ?? line
                shown.draw(at: Point(x: body.x + 1, y: body.y + row), clip: body, into: &buffer)
                if let id = segment.messageID {
                    report.transcriptRows.append(
                        ScrollReport.Row(y: body.y + row, messageID: id, isFoldHeader: segment.isFoldHeader))
                }
                row += 1
            }
        }
    }

    static func title(_ state: AppState) -> String {
        if let id = state.conversationID, let summary = state.listing.summaries.first(where: { $0.id == id }) {
            let title = Sanitizer.sanitizeLine(summary.conversation.title)
            return title.isEmpty ? "Untitled" : title
        }
        return "New conversation"
    }

    /// A message's lines in the transcript, and where its reasoning and answer text start.
    struct MessageLines {
        struct Part {
            var start: Int
            var markdown: StreamingMarkdown
            var width: Int
        }

        var segments: [LineSegment] = []
        var parts: [MessagePart: Part] = [:]
        var count = 0

        mutating func append(_ segment: LineSegment) {
            segments.append(segment)
            count += segment.count
        }

        mutating func append(
            _ part: MessagePart, _ markdown: StreamingMarkdown, width: Int, theme: Theme, prefix: String = ""
        ) {
            parts[part] = Part(start: count, markdown: markdown, width: width)
            append(.text(markdown, width: width, theme: theme, prefix: prefix))
        }
    }

    static func lines(
        for message: Message, selected: Bool, state: AppState, reasoningInline: Bool, width: Int,
        cache: MessageTextCache, theme: Theme, modelMark: String? = nil
    ) -> MessageLines {
        var lines = MessageLines()
        switch message.role {
        case .user, .system:
            lines.append(
                .single(ScreenLine(message.role == .user ? "You" : "System", style: theme.focusedPaneTitle)))
            lines.append(.answer, cache.text(.answer, of: message), width: width, theme: theme)
            let versions = state.siblings(of: message)
            if message.role == .user, versions.count > 1,
                let position = versions.firstIndex(where: { $0.id == message.id })
            {
                let line = "Question \(position + 1) of \(versions.count) · { } show the others"
                lines.append(.single(ScreenLine(line, style: theme.paneTitle)))
            }
        case .assistant:
            if let modelMark { lines.append(.single(ScreenLine(modelMark, style: theme.paneTitle))) }
            let streaming = state.stream?.messageID == message.id
            let folded = state.isFolded(message)
            if !message.reasoning.isEmpty || streaming {
                let outline = message.reasoning.isEmpty ? nil : cache.outline(of: message)
                let header = ReasoningSummary.foldHeader(
                    message, folded: folded, stream: state.stream, outline: outline)
                let style = selected ? theme.selection : theme.thinkingText
                var headerLine = LineSegment.single(ScreenLine(header, style: style))
                headerLine.isFoldHeader = true
                lines.append(headerLine)
                let liveInline = reasoningInline && streaming && state.stream?.phase != .answering
                if (!folded || liveInline) && !message.reasoning.isEmpty {
                    lines.append(
                        .reasoning, cache.text(.reasoning, of: message), width: max(1, width - 2), theme: theme,
                        prefix: "┊ ")
                }
            }
            if !message.answer.isEmpty {
                lines.append(.answer, cache.text(.answer, of: message), width: width, theme: theme)
            }
            if let note = statusNote(message) {
                // Wrapped whole, so a long error (a path, a server's explanation) can be read in full.
                for line in wrapNote(note, width: width) {
                    lines.append(.single(ScreenLine(line, style: theme.warning)))
                }
            }
            for line in endingNote(message).map({ TextFit.wrapWords($0, width: width) }) ?? [] {
                lines.append(.single(ScreenLine(line, style: theme.warning)))
            }
            let siblings = state.siblings(of: message)
            if siblings.count > 1, let position = siblings.firstIndex(where: { $0.id == message.id }) {
                let line = "Answer \(position + 1) of \(siblings.count) · < > show the others"
                lines.append(.single(ScreenLine(line, style: theme.paneTitle)))
            }
        }
        lines.append(.single(.blank))
        if message.role == .assistant {
            for index in lines.segments.indices { lines.segments[index].messageID = message.id }
        }
        return lines
    }

    /// A note's lines at `width`: its own lines, each wrapped at words (long words broken).
    static func wrapNote(_ note: String, width: Int) -> [String] {
        note.split(separator: "\n", omittingEmptySubsequences: true).flatMap { line in
            LineWrapper.wrap(String(line), width: max(1, width)).map(\.text)
        }
    }

    /// A word under an answer that did not finish normally.
    static func statusNote(_ message: Message) -> String? {
        switch message.status {
        case .complete, .streaming: return nil
        case .cancelled: return "⏹ Stopped — the partial answer is kept"
        case .interrupted: return "⚠ Interrupted — the partial answer is kept"
        case .failed:
            let reason =
                message.errorText.map { text in
                    text.split(whereSeparator: \.isNewline).map { Sanitizer.sanitizeLine(String($0)) }
                        .joined(separator: "\n")
                } ?? "unknown error"
            return "✖ Failed: \(reason)"
        }
    }
}
