import PonderCore

/// The browser's last row: an open prompt, else the notice, else key hints from the keymap.
extension BrowserView {
    static func renderFooter(
        _ browser: BrowserState, state: AppState, in rect: Rect, keymap: BrowserKeymap, theme: Theme,
        into buffer: inout ScreenBuffer
    ) -> Point? {
        buffer.fill(rect, style: theme.statusBar)
        let origin = Point(x: rect.x, y: rect.y)
        switch browser.prompt {
        case .rename(_, let text):
            let x = buffer.write(" Rename to: ", at: origin, style: theme.statusHintKey, clip: rect)
            let help = "  Enter save · Esc cancel "
            let field = tail(of: text, width: max(1, rect.maxX - x - DisplayWidth.of(help)))
            let end = buffer.write(field, at: Point(x: x, y: rect.y), style: theme.statusBar, clip: rect)
            buffer.write(help, at: Point(x: end, y: rect.y), style: theme.statusBar, clip: rect)
            return Point(x: min(end, rect.maxX - 1), y: rect.y)
        case .confirmDelete(_, let title):
            let name = title.isEmpty ? "Untitled" : title
            let question = " Delete “\(name)” and all its messages? y delete · n keep "
            buffer.write(
                TextFit.truncate(question, width: rect.width), at: origin, style: theme.statusNotice, clip: rect)
            return nil
        case nil:
            break
        }
        if let notice = state.notice {
            buffer.write(
                " " + TextFit.truncate(notice.text, width: rect.width - 2) + " ", at: origin,
                style: theme.statusNotice, clip: rect)
            return nil
        }
        var x = rect.x + 1
        let entries = browser.focus == .list ? keymap.list : keymap.query
        for entry in entries {
            guard let hint = entry.hint, let key = entry.keys.first else { continue }
            let width = DisplayWidth.of(key.description) + 1 + DisplayWidth.of(hint) + 2
            if x + width > rect.maxX { break }
            x = buffer.write(key.description, at: Point(x: x, y: rect.y), style: theme.statusHintKey, clip: rect)
            x = buffer.write(" \(hint)  ", at: Point(x: x, y: rect.y), style: theme.statusBar, clip: rect)
        }
        return nil
    }
}
