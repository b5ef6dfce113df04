import PonderCore

/// The browser's right-hand pane: the selected conversation's title and details, the matched
/// snippet when searching, then the start of its messages (prompts, thinking and answers).
enum BrowserPreviewView {
    /// Characters of each message considered for the preview (a long trace is not laid out whole).
    static let messagePrefix = 4000

    static func render(
        _ browser: BrowserState, listing: ConversationListing, in rect: Rect, theme: Theme,
        into buffer: inout ScreenBuffer
    ) {
        guard !rect.isEmpty else { return }
        let area = rect.inset(left: 1, right: 1)
        var lines: [(String, Style)] = []
        let hit =
            browser.isShowingHits && browser.hits.indices.contains(browser.selection)
            ? browser.hits[browser.selection] : nil
        let id =
            hit?.conversationID
            ?? (listing.summaries.indices.contains(browser.selection) ? listing.summaries[browser.selection].id : nil)
        guard let id else {
            PaneChrome.drawCentered(["Nothing selected"], in: rect, style: theme.emptyState, into: &buffer)
            return
        }
        let summary = listing.summaries.first { $0.id == id }
        let title = summary?.conversation.title ?? hit?.conversationTitle ?? ""
        for line in wrap(title.isEmpty ? "Untitled" : title, width: area.width, limit: 2) {
            lines.append((line, theme.focusedPaneTitle))
        }
        if let summary {
            var details: [String] = []
            if let model = summary.conversation.model { details.append(Sanitizer.sanitizeLine(model)) }
            details.append("\(summary.messageCount) message\(summary.messageCount == 1 ? "" : "s")")
            details.append(
                "updated "
                    + SidebarGrouping.relativeTime(
                        summary.conversation.updatedAt, now: listing.loadedAt, timeZone: listing.timeZone))
            if summary.conversation.pinned { details.append("pinned") }
            if summary.conversation.archived { details.append("archived") }
            lines.append((TextFit.truncate(details.joined(separator: " · "), width: area.width), theme.dimText))
        }
        lines.append(("", theme.text))
        if let hit, hit.field != .title {
            lines.append((hit.field == .reasoning ? "Found in thinking:" : "Found in the answer:", theme.paneTitle))
            for line in wrap(hit.snippet.text, width: area.width, limit: 4) { lines.append((line, theme.warning)) }
            lines.append(("", theme.text))
        }
        if let preview = browser.preview, preview.conversationID == id {
            appendMessages(preview.messages, width: area.width, limit: area.height, theme: theme, to: &lines)
        } else {
            lines.append(("Loading…", theme.emptyState))
        }
        for (offset, line) in lines.prefix(area.height).enumerated() {
            buffer.write(line.0, at: Point(x: area.x, y: area.y + offset), style: line.1, clip: area)
        }
    }

    static func appendMessages(
        _ messages: [Message], width: Int, limit: Int, theme: Theme, to lines: inout [(String, Style)]
    ) {
        if messages.isEmpty { lines.append(("No messages", theme.emptyState)) }
        for message in messages {
            guard lines.count < limit else { return }
            switch message.role {
            case .user: lines.append(("You", theme.paneTitle))
            case .assistant: lines.append(("Assistant", theme.paneTitle))
            case .system: lines.append(("System", theme.paneTitle))
            }
            if !message.reasoning.isEmpty {
                for line in wrap(String(message.reasoning.prefix(messagePrefix)), width: width, limit: 3) {
                    lines.append((line, theme.thinkingText))
                }
            }
            for line in wrap(String(message.answer.prefix(messagePrefix)), width: width, limit: limit - lines.count) {
                lines.append((line, theme.text))
            }
            lines.append(("", theme.text))
        }
    }

    /// `text` sanitised and hard-wrapped to `width` columns (at spaces when possible), at most `limit` lines.
    static func wrap(_ text: String, width: Int, limit: Int) -> [String] {
        guard width > 0, limit > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = ""
            var used = 0
            for character in Sanitizer.sanitizeLine(String(paragraph)) {
                let glyph = DisplayWidth.of(character)
                if used + glyph > width {
                    lines.append(line)
                    if lines.count >= limit { return lines }
                    line = ""
                    used = 0
                    if character == " " { continue }
                }
                line.append(character)
                used += glyph
            }
            if !line.isEmpty { lines.append(line) }
            if lines.count >= limit { return Array(lines.prefix(limit)) }
        }
        return lines
    }
}
