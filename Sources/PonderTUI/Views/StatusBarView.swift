import PonderCore

/// The bottom row: provider and model, what is happening (or a notice), and key hints
/// generated from the keymap for the focused context.
enum StatusBarView {
    static func render(
        _ state: AppState, in rect: Rect, keymap: Keymap, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        buffer.fill(rect, style: theme.statusBar)
        var x = rect.x
        if let notice = state.notice {
            let text = " " + TextFit.truncate(notice.text, width: rect.width - 2) + " "
            x = buffer.write(text, at: Point(x: x, y: rect.y), style: theme.statusNotice, clip: rect)
        } else {
            let text = " \(state.providerLabel) · \(state.modelLabel) │ \(state.activity) "
            x = buffer.write(
                TextFit.truncate(text, width: rect.width), at: Point(x: x, y: rect.y), style: theme.statusBar,
                clip: rect)
        }
        let hints = keymap.hints(for: contexts(for: state)).compactMap { binding -> (String, String)? in
            guard let key = binding.keys.first, let label = binding.hint else { return nil }
            return (key.description, label)
        }
        var pieces: [(String, String)] = []
        var width = 0
        for hint in hints {
            let pieceWidth = DisplayWidth.of(hint.0) + 1 + DisplayWidth.of(hint.1) + 2
            if x + width + pieceWidth > rect.maxX { break }
            pieces.append(hint)
            width += pieceWidth
        }
        var hintX = rect.maxX - width
        for (key, label) in pieces {
            hintX = buffer.write(key, at: Point(x: hintX, y: rect.y), style: theme.statusHintKey, clip: rect)
            hintX = buffer.write(" \(label)  ", at: Point(x: hintX, y: rect.y), style: theme.statusBar, clip: rect)
        }
    }

    static func contexts(for state: AppState) -> [KeyContext] {
        if state.overlay != nil { return [.help] }
        return [state.focus == .editor ? .editor : .pane, .global]
    }
}
