import PonderCore

/// Keys that a passing mode takes before the keymap sees them: the code-block picker, the
/// search prompt, the second key of Ctrl-X Ctrl-E, and Esc closing a search or an edit.
extension Reducer {
    /// The effects when the key belonged to a mode; nil to look it up in the keymap.
    static func modalKey(_ press: KeyPress, now: Double, state: inout AppState, keymap: Keymap) -> [Effect]? {
        if let effects = controlsKey(press, now: now, state: &state) { return effects }
        if case .codeBlocks(let blocks, let selection) = state.overlay {
            return pickCodeBlock(press, blocks: blocks, selection: selection, state: &state, now: now)
        }
        if let effects = traceOverlayKey(press, state: &state) { return effects }
        if let effects = errorOverlayKey(press, now: now, state: &state, keymap: keymap) { return effects }
        if state.overlay == nil && !state.layout.isTooSmall {
            if let effects = editFind(press, state: &state, now: now) { return effects }
            if state.awaitingCtrlXSecondKey {
                state.awaitingCtrlXSecondKey = false
                if press == .ctrl("e") { return edit(.editInExternalEditor, now: now, state: &state) }
            } else if press == .ctrl("x") && state.focus == .editor {
                state.awaitingCtrlXSecondKey = true
                state.notice = Notice("Ctrl-X — then Ctrl-E edits the message in $EDITOR", expiresAt: now + 3)
                return []
            }
            if state.find != nil && press == KeyPress(.escape) && state.stream == nil {
                state.find = nil
                return []
            }
            if state.editingQuestion != nil && press == KeyPress(.escape) && state.focus == .editor {
                state.editingQuestion = nil
                state.editor = EditorState()
                state.notice = Notice("Edit cancelled", expiresAt: now + 2)
                return []
            }
        }
        return nil
    }
}
