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

    /// Keys of the error overlay: `y` copies; Esc, `q`, F5 or Enter closes; the scroll keys of the
    /// overlay bindings (arrows, PgUp/PgDn, Home/End) go on to the keymap, which scrolls it as it
    /// scrolls the help. Nil when the overlay is not open.
    static func errorOverlayKey(_ press: KeyPress, now: Double, state: inout AppState, keymap: Keymap) -> [Effect]? {
        guard case .errorText(let text, _) = state.overlay else { return nil }
        switch press.key {
        case .character("y"):
            state.notice = Notice("Copied the error (\(text.count) characters) to the clipboard", expiresAt: now + 3)
            return [.copyToClipboard(text)]
        case .escape, .character("q"), .function(5), .enter:
            state.overlay = nil
            return []
        default:
            if case .scroll? = keymap.binding(for: press, in: .help, satisfying: { _ in true })?.action { return nil }
            // Quitting and the other global keys still work; anything else is ignored here.
            return press.modifiers.contains(.ctrl) ? nil : []
        }
    }
}
