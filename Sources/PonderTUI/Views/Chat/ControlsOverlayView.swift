import PonderCore

/// The controls' overlays over the screen: the model picker (filter line, providers with their models
/// or the reason they could not be listed, the current model marked), the `[presets]` list and the
/// answer-budget prompt. Each is a box with a title, rows and a line of keys.
enum ControlsOverlayView {
    struct Row {
        var text: String
        var style: Style
    }

    static func renderPicker(_ state: AppState, in screen: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        guard let picker = state.controls.picker else { return }
        let rows = picker.rows(configured: state.controls.providers)
        let choices = rows.filter { $0.model != nil }
        let selected = choices.indices.contains(picker.selection) ? choices[picker.selection] : nil
        var lines: [Row] = []
        var selectedLine: Int?
        for row in rows {
            let provider = Sanitizer.sanitizeLine(row.provider)
            guard let model = row.model else {
                let style = row.isProblem ? theme.warning : theme.overlayTitle
                lines.append(Row(text: "\(provider) — \(Sanitizer.sanitizeLine(row.detail))", style: style))
                continue
            }
            let isSelected = row.provider == selected?.provider && row.model == selected?.model
            if isSelected { selectedLine = lines.count }
            let mark = Reducer.isCurrent(row, state.controls) ? "● " : "  "
            let current = Reducer.isCurrent(row, state.controls) ? "   (current)" : ""
            lines.append(
                Row(
                    text: "  \(mark)\(Sanitizer.sanitizeLine(model))\(current)",
                    style: isSelected ? theme.selection : theme.overlay))
        }
        if choices.isEmpty {
            lines.append(
                Row(text: "  No model matches “\(Sanitizer.sanitizeLine(picker.filter))”", style: theme.emptyState))
        }
        let filter = Row(text: "Filter: " + Sanitizer.sanitizeLine(picker.filter) + "▏", style: theme.overlay)
        let listing = picker.listings == nil ? " · listing…" : ""
        drawBox(
            title: " Model for this conversation\(listing) ", header: [filter], lines: lines, selected: selectedLine,
            footer: "type to filter · Enter use it from the next message · Ctrl-R ask this answer again · Esc",
            width: 96, in: screen, theme: theme, into: &buffer)
    }

    static func renderPresets(
        _ state: AppState, selection: Int, in screen: Rect, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        let names = Reducer.presetNames(state.controls)
        var lines = [Row(text: "(none) — no system prompt", style: selection == 0 ? theme.selection : theme.overlay)]
        for (index, name) in names.enumerated() {
            let prompt = Sanitizer.sanitizeLine(state.controls.presets[name] ?? "")
            let mark = state.controls.presets[name] == state.controls.current.systemPrompt ? "● " : "  "
            lines.append(
                Row(
                    text: mark + Sanitizer.sanitizeLine(name) + " — " + prompt,
                    style: index + 1 == selection ? theme.selection : theme.overlay))
        }
        drawBox(
            title: " System prompt preset ", header: [], lines: lines, selected: selection,
            footer: "↑↓ · Enter use it from the next message · Esc closes", width: 72, in: screen, theme: theme,
            into: &buffer)
    }

    static func renderBudget(
        _ state: AppState, text: String, in screen: Rect, theme: Theme, into buffer: inout ScreenBuffer
    ) {
        let current = state.controls.budget.map { ResponseEnding.grouped($0) } ?? "the provider's default"
        let lines = [
            Row(text: "Most output tokens an answer may use, reasoning included.", style: theme.overlay),
            Row(text: "Now: \(current). Empty: the provider's default.", style: theme.overlay),
            Row(text: "", style: theme.overlay),
            Row(text: "Tokens: " + text + "▏", style: theme.selection),
        ]
        drawBox(
            title: " Answer budget ", header: [], lines: lines, selected: nil,
            footer: "Enter set it · Ctrl-R set it and ask this answer again · Esc", width: 64, in: screen,
            theme: theme, into: &buffer)
    }

    /// A centred box: title, fixed header rows, scrolled rows keeping `selected` in view, a footer.
    private static func drawBox(
        title: String, header: [Row], lines: [Row], selected: Int?, footer: String, width: Int, in screen: Rect,
        theme: Theme, into buffer: inout ScreenBuffer
    ) {
        let width = min(width, screen.width)
        let height = min(screen.height, lines.count + header.count + 4)
        let box = Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + max(0, (screen.height - height) / 2), width: width,
            height: height)
        buffer.fill(box, style: theme.overlay)
        let shownTitle = DisplayWidth.truncate(title, width: width)
        buffer.write(
            shownTitle, at: Point(x: box.x + max(0, (width - DisplayWidth.of(shownTitle)) / 2), y: box.y),
            style: theme.overlayTitle, clip: box)
        let content = box.inset(top: 1, left: 2, bottom: 1, right: 1)
        var y = content.y
        for row in header where y < content.maxY {
            buffer.write(
                DisplayWidth.truncate(row.text, width: content.width), at: Point(x: content.x, y: y), style: row.style,
                clip: content)
            y += 1
        }
        let listHeight = max(0, content.maxY - y)
        let first = max(0, min((selected ?? 0) - listHeight + 1, lines.count - listHeight))
        for row in lines[first...].prefix(listHeight) {
            let line = Rect(x: content.x, y: y, width: content.width, height: 1)
            buffer.fill(line, style: row.style)
            buffer.write(
                DisplayWidth.truncate(row.text, width: content.width), at: Point(x: line.x, y: y), style: row.style,
                clip: line)
            y += 1
        }
        let footerText = DisplayWidth.truncate(footer, width: width - 2)
        buffer.write(
            footerText, at: Point(x: box.x + 1, y: box.maxY - 1), style: theme.overlayTitle, clip: box)
    }
}
