import PonderCore

/// The browser's part of the reducer. `intercept` runs before the main reducer: it takes the
/// browser's own events, the key that opens the browser, and — while the browser is open —
/// every input except quitting. Pure, like the main reducer.
public enum BrowserReducer {
    /// The effects of an event the browser handled, or nil to let the main reducer handle it.
    public static func intercept(
        _ state: inout AppState, _ event: AppEvent, keymap: Keymap, browserKeymap: BrowserKeymap = .standard
    ) -> [Effect]? {
        switch event {
        case .browser(let browserEvent):
            return reduce(&state, browserEvent)
        case .tick(let now):
            guard state.browser != nil else { return nil }
            Reducer.expireDeadlines(&state, now: now)
            return runDueSearch(&state, now: now)
        case .input(let input, let now):
            let global = globalAction(for: input, keymap: keymap)
            guard state.browser != nil else {
                guard global == .app(.openBrowser), !state.layout.isTooSmall, state.overlay == nil else { return nil }
                return open(&state)
            }
            if global == .app(.quit) || global == .app(.interrupt) { return nil }
            Reducer.expireDeadlines(&state, now: now)
            return handle(input, now: now, state: &state, keymap: browserKeymap) + runDueSearch(&state, now: now)
        case .resized, .providerChanged, .submitRejected, .notice, .promptsLoaded, .editorTextEdited, .noticeEnded,
            .conversationOpened, .streamStarted, .streamUpdated, .streamEnded, .streamSetAside, .unsavedRescued,
            .scrollResolved,
            .controls:
            return nil
        }
    }

    /// Opens the browser on the conversation selected in the sidebar.
    public static func open(_ state: inout AppState) -> [Effect] {
        var browser = BrowserState()
        browser.selection = min(state.selectedConversation, max(0, state.listing.summaries.count - 1))
        state.browser = browser
        keepSelectionVisible(&state)
        return [
            .browser(.loadList(includeArchived: false)), .browser(.loadEffort(state.listing.summaries.map(\.id))),
        ] + previewEffects(&state)
    }

    static func globalAction(for input: InputEvent, keymap: Keymap) -> Action? {
        guard case .key(let press) = input else { return nil }
        return keymap.binding(for: press, in: .global, satisfying: { _ in true })?.action
    }

    /// Starts the debounced search once its deadline has passed.
    static func runDueSearch(_ state: inout AppState, now: Double) -> [Effect] {
        guard var browser = state.browser, let due = browser.searchDueAt, now >= due else { return [] }
        browser.searchDueAt = nil
        browser.searchGeneration += 1
        browser.isSearching = true
        state.browser = browser
        return [
            .browser(
                .search(browser.query, generation: browser.searchGeneration, includeArchived: browser.showArchived))
        ]
    }

    static func reduce(_ state: inout AppState, _ event: BrowserEvent) -> [Effect] {
        switch event {
        case .listLoaded(let listing):
            return listLoaded(listing, state: &state)
        case .searchResults(let generation, let hits):
            guard var browser = state.browser, generation == browser.searchGeneration else { return [] }
            browser.hits = hits
            browser.hitsQuery = browser.query
            browser.isSearching = false
            browser.selection = 0
            browser.top = 0
            state.browser = browser
            return previewEffects(&state)
        case .searchFailed(let generation, let message):
            guard state.browser?.searchGeneration == generation else { return [] }
            state.browser?.isSearching = false
            state.notice = Notice(message)
        case .previewLoaded(let id, let messages):
            guard state.browser != nil, selectedID(state) == id else { return [] }
            state.browser?.preview = BrowserState.Preview(conversationID: id, messages: messages)
        case .effortLoaded(let efforts):
            state.browser?.efforts = efforts
            state.browser?.largestEffort = efforts.values.map(\.reasoningTokens).max() ?? 0
        case .deleted(let deleted):
            state.browser?.undo = deleted
            if deleted.conversation.id == state.conversationID { Reducer.closeOpenConversation(&state) }
            let title = deleted.conversation.title.isEmpty ? "Untitled" : deleted.conversation.title
            state.notice = Notice("Deleted “\(Sanitizer.sanitizeLine(title))” — press u to undo")
        case .completed(let text), .failed(let text):
            state.notice = Notice(text)
        case .titleRefined(let id, let title):
            return titleRefined(id, title: title, state: &state)
        }
        return []
    }

    /// Shows a refined title at once (sidebar, transcript header, browser list) and reloads the list
    /// so every part agrees with the store.
    static func titleRefined(_ id: ConversationID, title: String, state: inout AppState) -> [Effect] {
        state.listing = state.listing.renaming(id, to: title)
        return [.browser(.loadList(includeArchived: state.browser?.showArchived ?? state.listing.includesArchived))]
    }

    /// Takes a new list, keeping the selections on the same conversations; a shown search is re-run.
    static func listLoaded(_ listing: ConversationListing, state: inout AppState) -> [Effect] {
        let sidebarID =
            state.listing.summaries.indices.contains(state.selectedConversation)
            ? state.listing.summaries[state.selectedConversation].id : nil
        let browserID = state.browser.flatMap { _ in selectedID(state) }
        state.listing = listing
        let last = max(0, listing.summaries.count - 1)
        state.selectedConversation = min(
            last, sidebarID.flatMap { id in listing.summaries.firstIndex { $0.id == id } } ?? state.selectedConversation
        )
        guard var browser = state.browser else { return [] }
        var effects: [Effect] = [.browser(.loadEffort(listing.summaries.map(\.id)))]
        if browser.isShowingHits {
            browser.searchGeneration += 1
            browser.isSearching = true
            effects.append(
                .browser(
                    .search(browser.query, generation: browser.searchGeneration, includeArchived: browser.showArchived))
            )
        } else {
            let index = browserID.flatMap { id in listing.summaries.firstIndex { $0.id == id } }
            browser.selection = min(last, index ?? browser.selection)
        }
        state.browser = browser
        keepSelectionVisible(&state)
        return effects + previewEffects(&state)
    }

    /// The conversation under the selection.
    public static func selectedID(_ state: AppState) -> ConversationID? {
        guard let browser = state.browser else { return nil }
        if browser.isShowingHits {
            return browser.hits.indices.contains(browser.selection)
                ? browser.hits[browser.selection].conversationID : nil
        }
        let summaries = state.listing.summaries
        return summaries.indices.contains(browser.selection) ? summaries[browser.selection].id : nil
    }

    static func itemCount(_ state: AppState) -> Int {
        guard let browser = state.browser else { return 0 }
        return browser.isShowingHits ? browser.hits.count : state.listing.summaries.count
    }

    /// Asks for the selected conversation's messages unless the preview already shows them.
    static func previewEffects(_ state: inout AppState) -> [Effect] {
        guard let id = selectedID(state) else {
            state.browser?.preview = nil
            return []
        }
        if state.browser?.preview?.conversationID == id { return [] }
        state.browser?.preview = nil
        return [.browser(.loadPreview(id))]
    }

    /// The list row of an item and how many rows each item takes.
    static func row(ofItem item: Int, state: AppState) -> (row: Int, height: Int, total: Int) {
        guard let browser = state.browser else { return (0, 1, 0) }
        if browser.isShowingHits { return (item * 2, 2, browser.hits.count * 2) }
        let rows = state.listing.rows
        let row = SidebarGrouping.rowIndex(ofConversation: item, in: rows) ?? 0
        // Keep a section heading in view with the first conversation under it.
        let start = row > 0 && item == 0 ? 0 : row
        return (start, row - start + 1, rows.count)
    }

    /// Scrolls the list so the selected item (with its section heading when it is the first) shows.
    static func keepSelectionVisible(_ state: inout AppState) {
        guard var browser = state.browser else { return }
        let height = max(1, BrowserLayout(size: state.size).list.height)
        let placement = row(ofItem: browser.selection, state: state)
        var top = browser.top
        var first = placement.row
        if !browser.isShowingHits, first > 0, case .header = state.listing.rows[first - 1], first - 1 < top {
            first -= 1
        }
        if first < top { top = first }
        if placement.row + placement.height > top + height { top = placement.row + placement.height - height }
        browser.top = max(0, min(top, placement.total - height))
        state.browser = browser
    }
}
