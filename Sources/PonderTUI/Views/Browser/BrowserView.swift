import PonderCore

/// The full-screen browser: title row, search field, the list of conversations (grouped) or of
/// search hits (snippet highlighted, marked answer or thinking), the preview of the selected
/// conversation on wide screens and a footer with a prompt, a notice or key hints.
public enum BrowserView {
    /// Draws the browser; returns where the terminal cursor goes (in the field being typed in).
    @discardableResult
    public static func render(
        _ browser: BrowserState, state: AppState, into buffer: inout ScreenBuffer, theme: Theme = .standard,
        keymap: BrowserKeymap = .standard
    ) -> Point? {
        let layout = BrowserLayout(size: state.size)
        buffer.fill(Rect(size: state.size), style: theme.text)
        renderTitle(browser, state: state, in: layout.title, theme: theme, into: &buffer)
        var cursor = renderQuery(browser, in: layout.query, theme: theme, into: &buffer)
        if browser.isShowingHits {
            renderHits(browser, in: layout.list, theme: theme, into: &buffer)
        } else {
            renderConversations(browser, listing: state.listing, in: layout.list, theme: theme, into: &buffer)
        }
        if let separator = layout.separator { PaneChrome.drawSeparator(separator, theme: theme, into: &buffer) }
        if let preview = layout.preview {
            BrowserPreviewView.render(browser, listing: state.listing, in: preview, theme: theme, into: &buffer)
        }
        if let promptCursor = renderFooter(
            browser, state: state, in: layout.footer, keymap: keymap, theme: theme, into: &buffer)
        {
            cursor = promptCursor
        }
        return cursor
    }

    static func renderTitle(
        _ browser: BrowserState, state: AppState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        buffer.fill(rect, style: theme.focusedPaneTitle)
        let count = state.listing.summaries.count
        var right = "\(count) conversation\(count == 1 ? "" : "s")"
        if browser.showArchived { right += " incl. archived" }
        let rightWidth = DisplayWidth.of(right) + 1
        let title = TextFit.truncate("▌Browse conversations", width: rect.width - rightWidth - 1)
        buffer.write(title, at: Point(x: rect.x, y: rect.y), style: theme.focusedPaneTitle, clip: rect)
        if rightWidth + DisplayWidth.of(title) < rect.width {
            buffer.write(right, at: Point(x: rect.maxX - rightWidth, y: rect.y), style: theme.paneTitle, clip: rect)
        }
    }

    static func renderQuery(_ browser: BrowserState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer)
        -> Point?
    {
        let label = "Search: "
        var x = buffer.write(
            label, at: Point(x: rect.x + 1, y: rect.y),
            style: browser.focus == .query ? theme.focusedPaneTitle : theme.paneTitle, clip: rect)
        var status = ""
        if browser.isSearching || browser.searchDueAt != nil {
            status = "searching…"
        } else if browser.isShowingHits {
            status = "\(browser.hits.count) hit\(browser.hits.count == 1 ? "" : "s")"
            if ConversationStore.searchesRecentMessagesOnly(browser.hitsQuery) { status += " · recent" }
        }
        let statusWidth = status.isEmpty ? 0 : DisplayWidth.of(status) + 2
        let fieldWidth = max(0, rect.maxX - x - statusWidth - 1)
        if browser.query.isEmpty && browser.focus == .list {
            let hint = "press / and type — titles, answers and thinking"
            buffer.write(
                TextFit.truncate(hint, width: fieldWidth), at: Point(x: x, y: rect.y), style: theme.emptyState,
                clip: rect)
        } else {
            let shown = tail(of: Sanitizer.sanitizeLine(browser.query), width: fieldWidth)
            x = buffer.write(shown, at: Point(x: x, y: rect.y), style: theme.text, clip: rect)
        }
        if !status.isEmpty {
            buffer.write(status, at: Point(x: rect.maxX - statusWidth + 1, y: rect.y), style: theme.dimText, clip: rect)
        }
        return browser.focus == .query && browser.prompt == nil ? Point(x: min(x, rect.maxX - 1), y: rect.y) : nil
    }

    /// The end of `text` that fits `width` columns (so the cursor end of a long query shows).
    static func tail(of text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            let glyph = DisplayWidth.of(text[previous])
            if used + glyph > width - 1 { break }
            used += glyph
            start = previous
        }
        return String(text[start...])
    }

    static func renderConversations(
        _ browser: BrowserState, listing: ConversationListing, in rect: Rect, theme: Theme,
        into buffer: inout ScreenBuffer
    ) {
        guard !listing.summaries.isEmpty else {
            PaneChrome.drawCentered(
                [browser.showArchived ? "No conversations" : "No conversations yet", "Your chats will be listed here"],
                in: rect, style: theme.emptyState, into: &buffer)
            return
        }
        let appearance = ConversationListView.Appearance(
            selected: browser.selection, focused: browser.focus == .list, detailsMinimumWidth: 60)
        ConversationListView.render(
            listing.rows, from: browser.top, listing: listing, appearance: appearance, in: rect, theme: theme,
            into: &buffer)
    }

    static func renderHits(_ browser: BrowserState, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        if browser.hits.isEmpty {
            let waiting = browser.isSearching || browser.searchDueAt != nil || browser.hitsQuery != browser.query
            let searched =
                ConversationStore.searchesRecentMessagesOnly(browser.query)
                ? "Titles and the newest \(ConversationStore.shortQueryMessageWindow) messages were searched — "
                    + "type a third character to search everything"
                : "Titles, answers and thinking were searched"
            let text =
                waiting ? ["Searching…"] : ["No matches for “\(Sanitizer.sanitizeLine(browser.query))”", searched]
            PaneChrome.drawCentered(text, in: rect, style: theme.emptyState, into: &buffer)
            return
        }
        for offset in stride(from: 0, to: rect.height, by: 2) {
            let index = (browser.top + offset) / 2
            guard index < browser.hits.count else { break }
            let hit = browser.hits[index]
            let selected = index == browser.selection
            let base = selected ? (browser.focus == .list ? theme.selection : theme.focusedPaneTitle) : theme.text
            let first = rect.row(offset)
            if selected { buffer.fill(first, style: base) }
            let marker: String
            switch hit.field {
            case .title: marker = "title"
            case .answer: marker = "answer"
            case .reasoning: marker = "thinking"
            }
            let markerStyle = selected ? base : (hit.field == .reasoning ? theme.thinkingText : theme.dimText)
            var x = buffer.write(" [\(marker)] ", at: Point(x: first.x, y: first.y), style: markerStyle, clip: first)
            let title = hit.conversationTitle.isEmpty ? "Untitled" : Sanitizer.sanitizeLine(hit.conversationTitle)
            x = buffer.write(
                TextFit.truncate(title, width: first.maxX - x - 1), at: Point(x: x, y: first.y), style: base,
                clip: first)
            guard offset + 1 < rect.height else { break }
            let second = rect.row(offset + 1)
            if selected { buffer.fill(second, style: base) }
            drawSnippet(
                hit.snippet, at: Point(x: second.x + 3, y: second.y), clip: second, base: base,
                highlight: selected ? base.with(attributes: [.bold, .underline]) : theme.warning, into: &buffer)
        }
    }

    /// A snippet on one row, its matched terms highlighted, cut with "…" at the clip's edge.
    static func drawSnippet(
        _ snippet: SearchSnippet, at point: Point, clip: Rect, base: Style, highlight: Style,
        into buffer: inout ScreenBuffer
    ) {
        var x = point.x
        for (index, character) in snippet.text.enumerated() {
            let glyph = character.isNewline || character == "\t" ? " " : character
            if x + DisplayWidth.of(glyph) > clip.maxX - 1 {
                buffer.write("…", at: Point(x: x, y: point.y), style: base, clip: clip)
                return
            }
            let marked = snippet.highlights.contains { $0.contains(index) }
            x = buffer.put(glyph, x: x, y: point.y, style: marked ? highlight : base, minX: clip.x, maxX: clip.maxX)
        }
    }
}

extension Style {
    /// The style with `attributes` added.
    func with(attributes extra: TextAttributes) -> Style {
        var style = self
        style.attributes.formUnion(extra)
        return style
    }
}
