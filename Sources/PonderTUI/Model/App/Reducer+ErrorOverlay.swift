import PonderCore

/// The whole text of an error: the status bar has one line for it, the overlay wraps all of it.
extension Reducer {
    /// Shows an error in the status bar (cut to a line there) and keeps its whole text for the key
    /// that shows it.
    static func showErrorNotice(_ text: String, state: inout AppState) {
        state.newestError = text
        state.notice = Notice(Sanitizer.sanitizeLine(text), isError: true)
    }

    /// The error the key shows: the selected answer's when it failed, else the newest error notice,
    /// else the newest shown answer's.
    static func errorToShow(_ state: AppState) -> String? {
        if let id = state.selectedMessageID, let text = state.messages.last(where: { $0.id == id })?.errorText {
            return text
        }
        if let newest = state.newestError { return newest }
        return state.visibleMessages.last { $0.role == .assistant }?.errorText
    }

    static func showError(_ state: inout AppState, now: Double) {
        guard let text = errorToShow(state), !text.isEmpty else {
            state.notice = Notice("No error to show", expiresAt: now + 3)
            return
        }
        state.overlay = .errorText(text, scroll: 0)
    }

    /// Keys of the error overlay: arrows, PgUp/PgDn, Home/End scroll; `y` copies; Esc or `q` closes.
    /// Nil when the overlay is not open.
    static func errorOverlayKey(_ press: KeyPress, now: Double, state: inout AppState) -> [Effect]? {
        guard case .errorText(let text, let scroll) = state.overlay else { return nil }
        let page = max(1, ErrorOverlayView.visibleRows(text, size: state.size) - 1)
        let last = ErrorOverlayView.maxScroll(text, size: state.size)
        var position = scroll
        switch press.key {
        case .up, .character("k"): position -= 1
        case .down, .character("j"): position += 1
        case .pageUp, .character("b"): position -= page
        case .pageDown, .character(" "): position += page
        case .home, .character("g"): position = 0
        case .end, .character("G"): position = last
        case .character("y"):
            state.notice = Notice("Copied the error (\(text.count) characters) to the clipboard", expiresAt: now + 3)
            return [.copyToClipboard(text)]
        case .escape, .character("q"), .function(5), .enter:
            state.overlay = nil
            return []
        default:
            // Quitting and the other global keys still work; anything else is ignored here.
            return press.modifiers.contains(.ctrl) ? nil : []
        }
        state.overlay = .errorText(text, scroll: min(max(0, position), last))
        return []
    }
}
