import PonderCore

/// Keys of the figures overlay and the effort overlay, taken before the keymap sees them.
extension Reducer {
    /// The effects when the key belonged to one of these overlays; nil otherwise.
    static func traceOverlayKey(_ press: KeyPress, state: inout AppState) -> [Effect]? {
        if press.modifiers.contains(.ctrl) { return nil }
        switch state.overlay {
        case .statistics:
            switch press.key {
            case .escape, .enter, .character("q"), .character("i"), .character(" "):
                state.overlay = nil
                return []
            default:
                return nil
            }
        case .effort(let selection):
            let answers = state.effortAnswers
            guard !answers.isEmpty else {
                state.overlay = nil
                return []
            }
            switch press.key {
            case .up, .character("k"): state.overlay = .effort(selection: max(0, selection - 1))
            case .down, .character("j"): state.overlay = .effort(selection: min(answers.count - 1, selection + 1))
            case .home, .character("g"): state.overlay = .effort(selection: 0)
            case .end, .character("G"): state.overlay = .effort(selection: answers.count - 1)
            case .enter, .character("o"):
                openAnswer(answers[min(selection, answers.count - 1)].id, state: &state)
            case .escape, .character("q"), .character("H"):
                state.overlay = nil
            default:
                break
            }
            return []
        case nil:
            // Esc leaves the outline (while nothing streams; then Esc stops the answer).
            guard state.trace.outlineOpen, state.focus == .thinking, state.stream == nil, press.key == .escape
            else { return nil }
            state.trace.outlineOpen = false
            return []
        case .help, .codeBlocks, .modelPicker, .presets, .budget, .errorText:
            return nil
        }
    }

    /// Shows answer `id`: selected in the transcript, its reasoning in the thinking panel from
    /// the start.
    static func openAnswer(_ id: MessageID, state: inout AppState) {
        state.overlay = nil
        if let answer = state.messages.last(where: { $0.id == id }) {
            state.shownAnswers[state.branchKey(of: answer)] = id
        }
        let newest = state.visibleMessages.last(where: { $0.role == .assistant })?.id
        state.selectedMessageID = id == newest ? nil : id
        state.trace.outlineOpen = false
        state.trace.move = nil
        state.trace.cursor = nil
        state.scroll.thinkingFromBottom = 0
        state.scroll.thinkingLines = nil
        state.scroll.jump = ScrollJump(pane: .transcript, messageID: id, part: .answer, utf8Offset: 0)
        state.focus = state.layout.visiblePanes.contains(.transcript) ? .transcript : state.focus
    }
}
