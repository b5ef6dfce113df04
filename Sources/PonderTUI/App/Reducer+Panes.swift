/// Editing, scrolling and mouse handling: the reducer's per-pane actions.
extension Reducer {
    static func edit(_ action: Action, state: inout AppState) {
        switch action {
        case .insertNewline: state.editor.insert("\n")
        case .deleteBackward: state.editor.deleteBackward()
        case .deleteForward: state.editor.deleteForward()
        case .deleteWordBackward: state.editor.deleteWordBackward()
        case .deleteToLineStart: state.editor.deleteToLineStart()
        case .deleteToLineEnd: state.editor.deleteToLineEnd()
        case .moveLeft: state.editor.moveLeft()
        case .moveRight: state.editor.moveRight()
        case .moveUp: state.editor.moveUp()
        case .moveDown: state.editor.moveDown()
        case .moveToLineStart: state.editor.moveToLineStart()
        case .moveToLineEnd: state.editor.moveToLineEnd()
        default: break
        }
    }

    static func scrollPane(_ action: Action, state: inout AppState) {
        let page = max(1, (state.layout.rect(of: state.focus)?.height ?? 2) - 2)
        let delta: Int
        switch action {
        case .scrollUp: delta = -1
        case .scrollDown: delta = 1
        case .pageUp: delta = -page
        case .pageDown: delta = page
        case .scrollToTop: delta = Int.min / 2
        case .scrollToBottom: delta = Int.max / 2
        default: return
        }
        scroll(state.focus, by: delta, state: &state)
    }

    /// Moves a pane's view down by `delta` lines (negative: up). In the sidebar this moves the
    /// selection; transcript and thinking offsets count from the bottom and never go below 0.
    static func scroll(_ pane: Pane, by delta: Int, state: inout AppState) {
        switch pane {
        case .sidebar:
            let last = max(0, state.conversations.count - 1)
            state.selectedConversation = min(last, max(0, state.selectedConversation + delta))
            state.scroll.sidebarTop = SidebarView.firstRow(for: state)
        case .transcript:
            state.scroll.transcriptFromBottom = clampedFromBottom(state.scroll.transcriptFromBottom - delta)
        case .thinking:
            state.scroll.thinkingFromBottom = clampedFromBottom(state.scroll.thinkingFromBottom - delta)
        case .editor:
            break
        }
    }

    private static func clampedFromBottom(_ value: Int) -> Int { min(1_000_000, max(0, value)) }

    static func scrollHelp(_ action: Action, state: inout AppState) {
        guard case .help(let scroll) = state.overlay else { return }
        switch action {
        case .scrollUp: state.overlay = .help(scroll: max(0, scroll - 1))
        case .scrollDown: state.overlay = .help(scroll: min(HelpOverlayView.lineCount(), scroll + 1))
        default: break
        }
    }

    static func handleMouse(_ mouse: MouseEvent, state: inout AppState) -> [Effect] {
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
            state.focus = pane
            if pane == .sidebar { return clickSidebar(at: mouse.position, state: &state) }
        case .press, .release:
            break
        }
        return []
    }
}
