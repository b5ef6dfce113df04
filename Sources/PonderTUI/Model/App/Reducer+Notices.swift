/// How long notices stay in the status bar.
extension Reducer {
    /// A key, a paste or a click is the next action: the notice shown before it has been seen and
    /// gives the bar back to the figures (an action that has something to say sets a new notice).
    /// An error stays readable in the transcript, where the failed answer shows it in full.
    /// Quitting leaves the last frame as it was.
    static func clearNoticeOnAction(_ event: AppEvent, state: inout AppState, keymap: Keymap) {
        guard case .input(let input, _) = event, state.notice != nil else { return }
        switch input {
        case .key(let press):
            let action = keymap.binding(for: press, in: .global, satisfying: { _ in true })?.action
            if action != .app(.quit) && action != .app(.interrupt) {
                state.notice = nil
            }
        case .paste:
            state.notice = nil
        case .mouse(let mouse):
            if case .press = mouse.kind { state.notice = nil }
        case .resize:
            break
        }
    }
}
