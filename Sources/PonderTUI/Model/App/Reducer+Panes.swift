import PonderCore

/// Editing, scrolling and mouse handling: the reducer's per-pane actions.
extension Reducer {
    /// Editor actions: sending, editing the text and moving the cursor.
    static func edit(_ action: EditorAction, now: Double, state: inout AppState) -> [Effect] {
        switch action {
        case .submit: return submit(now: now, state: &state)
        case .editInExternalEditor:
            state.awaitingCtrlXSecondKey = false
            return [.editExternally(state.editor.text)]
        case .insertNewline: state.editor.insert("\n")
        case .deleteBackward: state.editor.deleteBackward()
        case .deleteForward: state.editor.deleteForward()
        case .deleteWordBackward: state.editor.deleteWordBackward()
        case .deleteToLineStart: state.editor.deleteToLineStart()
        case .deleteToLineEnd: state.editor.deleteToLineEnd()
        case .moveLeft: state.editor.moveLeft()
        case .moveRight: state.editor.moveRight()
        case .moveUp: if !state.editor.moveUp() { recallPrompt(&state, older: true) }
        case .moveDown: if !state.editor.moveDown() { recallPrompt(&state, older: false) }
        case .moveWordBackward: state.editor.moveWordBackward()
        case .moveWordForward: state.editor.moveWordForward()
        case .moveToLineStart: state.editor.moveToLineStart()
        case .moveToLineEnd: state.editor.moveToLineEnd()
        }
        return []
    }

    /// Enter: sends the editor's text (a new version of the question being edited, if any).
    static func submit(now: Double, state: inout AppState) -> [Effect] {
        let text = state.editor.text
        guard !text.allSatisfy(\.isWhitespace) else { return [] }
        if let stream = state.stream {
            if case .finished = stream.phase {
                state.sendsWhenSaved = true
                state.notice = Notice("Saving the answer — this sends as soon as it is saved", expiresAt: now + 3)
            } else {
                state.notice = Notice("Still answering — wait, or press Esc to stop it", expiresAt: now + 3)
            }
            return []
        }
        return sendEditorText(&state)
    }

    /// The turn ended that a send was waiting for: the editor's text goes now, unless the answer
    /// could not be saved (its error shows instead) or the editor was emptied meanwhile.
    static func sendWaitingForTheSave(after end: TurnEnd, state: inout AppState) -> [Effect] {
        guard state.sendsWhenSaved, state.stream == nil else { return [] }
        state.sendsWhenSaved = false
        guard end.status == .complete, !state.editor.text.allSatisfy(\.isWhitespace) else { return [] }
        return sendEditorText(&state)
    }

    private static func sendEditorText(_ state: inout AppState) -> [Effect] {
        let text = state.editor.text
        state.sendsWhenSaved = false
        state.editor = EditorState()
        state.promptRecall.record(text)
        if let question = state.editingQuestion {
            state.editingQuestion = nil
            return [.resend(text: text, replacing: question)]
        }
        return [.send(text: text, conversationID: state.conversationID, after: state.visibleMessages.last?.id)]
    }

    /// Up on the first line / Down on the last: the previous or next earlier prompt; past the
    /// newest, the text that was being written comes back.
    static func recallPrompt(_ state: inout AppState, older: Bool) {
        var recall = state.promptRecall
        let history = recall.history
        guard !history.isEmpty else { return }
        if older {
            let next = (recall.position ?? history.count) - 1
            guard next >= 0 else { return }
            if recall.position == nil { recall.draft = state.editor.text }
            recall.position = next
            state.editor = EditorState(text: history[next])
        } else {
            guard let position = recall.position else { return }
            if position + 1 < history.count {
                recall.position = position + 1
                state.editor = EditorState(text: history[position + 1])
            } else {
                recall.position = nil
                state.editor = EditorState(text: recall.draft)
            }
        }
        state.promptRecall = recall
    }

    static func scrollPane(_ action: ScrollAction, state: inout AppState) {
        let page = max(1, (state.layout.rect(of: state.focus)?.height ?? 2) - 2)
        scroll(state.focus, by: lines(action, page: page), state: &state)
    }

    /// The lines a scroll action moves by, a page being `page` lines (top and bottom: as far as it goes).
    static func lines(_ action: ScrollAction, page: Int) -> Int {
        switch action {
        case .lineUp: return -1
        case .lineDown: return 1
        case .pageUp: return -page
        case .pageDown: return page
        case .top: return Int.min / 2
        case .bottom: return Int.max / 2
        }
    }

    /// Moves a pane's view down by `delta` lines (negative: up). In the sidebar this moves the
    /// selection; transcript and thinking offsets count from the bottom and never go below 0.
    static func scroll(_ pane: Pane, by delta: Int, state: inout AppState) {
        switch pane {
        case .sidebar:
            let last = max(0, state.listing.summaries.count - 1)
            state.selectedConversation = min(last, max(0, state.selectedConversation + delta))
            state.scroll.sidebarTop = SidebarView.firstRow(for: state)
        case .transcript:
            // Leaving the live end pauses here: line counts are taken afresh from the next frame.
            if state.scroll.transcriptFromBottom == 0 { state.scroll.transcriptLines = nil }
            state.scroll.transcriptFromBottom = clampedFromBottom(state.scroll.transcriptFromBottom - delta)
        case .thinking:
            if state.scroll.thinkingFromBottom == 0 { state.scroll.thinkingLines = nil }
            state.scroll.thinkingFromBottom = clampedFromBottom(state.scroll.thinkingFromBottom - delta)
        case .editor:
            break
        }
    }

    private static func clampedFromBottom(_ value: Int) -> Int { min(1_000_000, max(0, value)) }

    /// Scrolls the open overlay that scrolls: the help, or an error's whole text (a page is the rows
    /// in view but one).
    static func scrollOverlay(_ action: ScrollAction, state: inout AppState) {
        func scrolled(_ scroll: Int, rows: Int, last: Int) -> Int {
            min(last, max(0, min(scroll, last) + lines(action, page: max(1, rows - 1))))
        }
        if case .help(let scroll) = state.overlay {
            let rows = HelpOverlayView.visibleRows(size: state.size)
            let last = HelpOverlayView.maxScroll(size: state.size)
            state.overlay = .help(scroll: scrolled(scroll, rows: rows, last: last))
        } else if case .errorText(let text, let scroll) = state.overlay {
            let rows = ErrorOverlayView.visibleRows(text, size: state.size)
            let last = ErrorOverlayView.maxScroll(text, size: state.size)
            state.overlay = .errorText(text, scroll: scrolled(scroll, rows: rows, last: last))
        }
    }

    static func handleMouse(_ mouse: MouseEvent, now: Double, state: inout AppState) -> [Effect] {
        let layout = state.layout
        guard !layout.isTooSmall, state.overlay == nil, let pane = layout.pane(at: mouse.position) else { return [] }
        switch mouse.kind {
        case .wheelUp: scroll(pane, by: -3, state: &state)
        case .wheelDown: scroll(pane, by: 3, state: &state)
        case .press(button: 1):
            if pane == .thinking && state.thinkingCollapsed {
                state.thinkingCollapsed = false
                return []
            }
            if pane == .thinking && clickTraceMap(at: mouse.position, now: now, state: &state) { return [] }
            if pane == .thinking, mouse.position.y == layout.thinking?.y {
                // The panel's title row folds the panel into its strip.
                state.thinkingCollapsed = true
                keepFocusVisible(&state)
                return []
            }
            state.focus = pane
            if pane == .transcript, let row = state.transcriptRows.first(where: { $0.y == mouse.position.y }) {
                // A click on an answer selects it (the panel shows its reasoning); on its fold
                // header it also folds or unfolds the reasoning.
                let newest = state.visibleMessages.last(where: { $0.role == .assistant })?.id
                state.selectedMessageID = row.messageID == newest ? nil : row.messageID
                state.scroll.thinkingFromBottom = 0
                if row.isFoldHeader { return toggleFold(&state) }
            }
            if pane == .sidebar { return clickSidebar(at: mouse.position, state: &state) }
        case .press, .release:
            break
        }
        return []
    }
}
