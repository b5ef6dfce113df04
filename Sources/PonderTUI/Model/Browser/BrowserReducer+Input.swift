import Foundation
import PonderCore

/// Keys, pastes and mouse input while the browser is open.
extension BrowserReducer {
    static func handle(_ input: InputEvent, now: Double, state: inout AppState, keymap: BrowserKeymap) -> [Effect] {
        guard let browser = state.browser else { return [] }
        switch input {
        case .key(let press):
            if browser.prompt != nil { return answerPrompt(press, state: &state) }
            if let command = keymap.command(for: press, focus: browser.focus) {
                return perform(command, now: now, state: &state)
            }
            if browser.focus == .query, case .character(let character) = press.key,
                press.modifiers.subtracting(.shift).isEmpty
            {
                return editQuery(browser.query + String(character), now: now, state: &state)
            } else if browser.focus == .query, press.key == .backspace {
                return editQuery(String(browser.query.dropLast()), now: now, state: &state)
            } else if browser.focus == .list, case .character(let character) = press.key,
                press.modifiers.subtracting(.shift).isEmpty
            {
                // A letter with no command of its own starts a search with it.
                state.browser?.focus = .query
                return editQuery(browser.query + String(character), now: now, state: &state)
            }
        case .paste(let text):
            let line = Sanitizer.sanitizeLine(text)
            if case .rename(let id, let title) = browser.prompt {
                state.browser?.prompt = .rename(id, text: title + line)
            } else if browser.prompt == nil {
                state.browser?.focus = .query
                return editQuery(browser.query + line, now: now, state: &state)
            }
        case .mouse(let mouse):
            return handleMouse(mouse, now: now, state: &state)
        case .resize:
            break
        }
        return []
    }

    /// Replaces the query; the search runs once typing pauses for `searchDebounce`. The selection
    /// goes back to the first row, whose preview is loaded (the effects returned).
    static func editQuery(_ query: String, now: Double, state: inout AppState) -> [Effect] {
        guard var browser = state.browser else { return [] }
        browser.query = query
        browser.selection = 0
        browser.top = 0
        browser.undo = nil
        if query.isEmpty {
            browser.searchDueAt = nil
            browser.searchGeneration += 1
            browser.isSearching = false
            browser.hits = []
            browser.hitsQuery = ""
        } else {
            browser.searchDueAt = now + BrowserState.searchDebounce
        }
        state.browser = browser
        return previewEffects(&state)
    }

    static func perform(_ command: BrowserCommand, now: Double, state: inout AppState) -> [Effect] {
        guard var browser = state.browser else { return [] }
        let page = max(1, BrowserLayout(size: state.size).list.height / (browser.isShowingHits ? 2 : 1) - 1)
        switch command {
        case .up: return move(by: -1, state: &state)
        case .down: return move(by: 1, state: &state)
        case .pageUp: return move(by: -page, state: &state)
        case .pageDown: return move(by: page, state: &state)
        case .top: return move(by: Int.min / 2, state: &state)
        case .bottom: return move(by: Int.max / 2, state: &state)
        case .focusSearch: browser.focus = .query
        case .focusList: browser.focus = .list
        case .clearQuery:
            return editQuery("", now: now, state: &state)
        case .toggleShowArchived:
            browser.showArchived.toggle()
            browser.undo = nil
            state.notice = Notice(
                browser.showArchived ? "Showing archived conversations" : "Archived conversations hidden")
            state.browser = browser
            return [.browser(.loadList(includeArchived: browser.showArchived))]
        case .close:
            if !browser.query.isEmpty { return editQuery("", now: now, state: &state) }
            state.browser = nil
            return []
        case .undo:
            guard let deleted = browser.undo else {
                state.notice = Notice("Nothing to undo")
                return []
            }
            state.browser?.undo = nil
            return [.browser(.restore(deleted))]
        case .open, .rename, .togglePin, .toggleArchive, .delete, .exportMarkdown, .exportJSON:
            return act(command, state: &state)
        }
        state.browser = browser
        return []
    }

    /// The actions on the selected conversation. Each ends the undo window of a deletion.
    static func act(_ command: BrowserCommand, state: inout AppState) -> [Effect] {
        guard let id = selectedID(state) else {
            state.notice = Notice("No conversation selected")
            return []
        }
        state.browser?.undo = nil
        let summary = state.listing.summaries.first { $0.id == id }?.conversation
        let title =
            summary?.title ?? state.browser?.hits.first { $0.conversationID == id }?.conversationTitle ?? ""
        switch command {
        case .open: return openSelected(id, state: &state)
        case .rename: state.browser?.prompt = .rename(id, text: Sanitizer.sanitizeLine(title))
        case .delete: state.browser?.prompt = .confirmDelete(id, title: Sanitizer.sanitizeLine(title))
        case .togglePin: return [.browser(.setPinned(id, !(summary?.pinned ?? false)))]
        case .toggleArchive: return [.browser(.setArchived(id, !(summary?.archived ?? false)))]
        case .exportMarkdown: return [.browser(.export(id, .markdown))]
        case .exportJSON: return [.browser(.export(id, .json))]
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .focusSearch, .focusList, .clearQuery, .close,
            .toggleShowArchived, .undo:
            // Not about the selected conversation: `perform` handles these.
            break
        }
        return []
    }

    /// Closes the browser and opens the conversation, at the selected hit when searching.
    static func openSelected(_ id: ConversationID, state: inout AppState) -> [Effect] {
        guard let browser = state.browser else { return [] }
        var focus: SearchFocus?
        if browser.isShowingHits, browser.hits.indices.contains(browser.selection) {
            focus = SearchFocus(hit: browser.hits[browser.selection], query: browser.hitsQuery)
        }
        state.browser = nil
        state.pendingSearchFocus = focus.map { PendingSearchFocus(conversation: id, focus: $0) }
        if let index = state.listing.summaries.firstIndex(where: { $0.id == id }) {
            state.selectedConversation = index
        }
        if focus?.field == .reasoning {
            state.thinkingCollapsed = false
            if state.layout.visiblePanes.contains(.thinking) { state.focus = .thinking }
        } else {
            state.focus = .transcript
        }
        return [.openConversation(id, focus: focus)]
    }

    static func move(by delta: Int, state: inout AppState) -> [Effect] {
        let count = itemCount(state)
        guard count > 0, var browser = state.browser else { return [] }
        browser.selection = min(count - 1, max(0, browser.selection + delta))
        state.browser = browser
        keepSelectionVisible(&state)
        return previewEffects(&state)
    }

    /// Keys while a prompt is open: typing edits the new title; y or Enter confirms a deletion.
    static func answerPrompt(_ press: KeyPress, state: inout AppState) -> [Effect] {
        guard let prompt = state.browser?.prompt else { return [] }
        switch prompt {
        case .rename(let id, let text):
            switch press.key {
            case .escape: state.browser?.prompt = nil
            case .enter:
                let title = text.trimmingCharacters(in: .whitespaces)
                guard !title.isEmpty else {
                    state.notice = Notice("A title cannot be empty — type one or press Esc")
                    return []
                }
                state.browser?.prompt = nil
                return [.browser(.rename(id, to: title))]
            case .backspace: state.browser?.prompt = .rename(id, text: String(text.dropLast()))
            case .character("u") where press.modifiers == .ctrl: state.browser?.prompt = .rename(id, text: "")
            case .character(let character) where press.modifiers.subtracting(.shift).isEmpty:
                state.browser?.prompt = .rename(id, text: text + Sanitizer.sanitizeLine(String(character)))
            default: break
            }
        case .confirmDelete(let id, _):
            switch press.key {
            case .character("y"), .character("Y"), .enter:
                state.browser?.prompt = nil
                return [.browser(.delete(id))]
            case .character("n"), .character("N"), .escape:
                state.browser?.prompt = nil
            default: break
            }
        }
        return []
    }

    static func handleMouse(_ mouse: MouseEvent, now: Double, state: inout AppState) -> [Effect] {
        guard let browser = state.browser, browser.prompt == nil else { return [] }
        let layout = BrowserLayout(size: state.size)
        switch mouse.kind {
        case .wheelUp: return move(by: -3, state: &state)
        case .wheelDown: return move(by: 3, state: &state)
        case .press(button: 1):
            if layout.query.contains(mouse.position) {
                state.browser?.focus = .query
                return []
            }
            guard layout.list.contains(mouse.position),
                let item = item(atRow: mouse.position.y - layout.list.y + browser.top, state: state)
            else { return [] }
            state.browser?.focus = .list
            if item == browser.selection { return perform(.open, now: now, state: &state) }
            return move(by: item - browser.selection, state: &state)
        case .press, .release:
            return []
        }
    }

    /// The item drawn on a list row, if any.
    static func item(atRow row: Int, state: AppState) -> Int? {
        guard let browser = state.browser, row >= 0 else { return nil }
        if browser.isShowingHits { return row / 2 < browser.hits.count ? row / 2 : nil }
        guard row < state.listing.rows.count, case .conversation(let index) = state.listing.rows[row] else {
            return nil
        }
        return index
    }
}
