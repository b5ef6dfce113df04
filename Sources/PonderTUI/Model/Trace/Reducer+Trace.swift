import PonderCore

/// Reading a trace: the outline mode of the thinking panel and its selection, step and
/// reflection-point jumps, clicks on the map strip, and the figures and effort overlays.
extension Reducer {
    static func performTrace(_ action: TraceAction, now: Double, state: inout AppState) {
        switch action {
        case .toggleOutline:
            guard showPanelTrace(&state, now: now) else { return }
            state.trace.outlineOpen.toggle()
            state.trace.outlineSelection = nil
            state.trace.move = nil
            if state.trace.outlineOpen, state.scroll.thinkingFromBottom > 0, let cursor = state.trace.cursor,
                cursor.messageID == state.panelMessage?.id
            {
                // The reader was reading: the outline opens at the step read.
                state.trace.move = .select(utf8Offset: cursor.utf8Offset)
                state.trace.moveAskedAt = now
            }
        case .previousStep: moveTrace(.previousStep, now: now, state: &state)
        case .nextStep: moveTrace(.nextStep, now: now, state: &state)
        case .previousReflection: moveTrace(.previousReflection, now: now, state: &state)
        case .nextReflection: moveTrace(.nextReflection, now: now, state: &state)
        case .showStatistics:
            guard let message = state.panelMessage else {
                state.notice = Notice("No answer yet — the figures come with the first one", expiresAt: now + 3)
                return
            }
            state.overlay = .statistics(message.id)
        case .showEffort:
            let answers = state.effortAnswers
            guard !answers.isEmpty else {
                state.notice = Notice("No answer yet — the effort view lists the answers", expiresAt: now + 3)
                return
            }
            let shown = state.panelMessage?.id
            state.overlay = .effort(selection: answers.firstIndex { $0.id == shown } ?? answers.count - 1)
        }
    }

    /// Asks the next frame to move through the panel's trace (it knows the steps).
    static func moveTrace(_ move: TraceMove, now: Double, state: inout AppState) {
        guard showPanelTrace(&state, now: now) else { return }
        state.trace.move = move
        state.trace.moveAskedAt = now
    }

    /// Brings the thinking panel into view with the focus on it; false (with a notice) when
    /// there is no trace to read or no room for the panel.
    static func showPanelTrace(_ state: inout AppState, now: Double) -> Bool {
        guard let message = state.panelMessage, !message.reasoning.isEmpty else {
            state.notice = Notice("No reasoning to read here", expiresAt: now + 3)
            return false
        }
        state.thinkingCollapsed = false
        guard state.layout.visiblePanes.contains(.thinking) else {
            state.notice = Notice("The thinking panel needs a wider terminal", expiresAt: now + 3)
            return false
        }
        state.focus = .thinking
        return true
    }

    /// Scroll keys in the outline move its selection; false when the outline is not in use.
    static func scrollOutline(_ action: ScrollAction, state: inout AppState) -> Bool {
        guard state.trace.outlineOpen, state.focus == .thinking, state.trace.stepCount > 0 else { return false }
        let last = state.trace.stepCount - 1
        if action == .bottom {
            state.trace.outlineSelection = nil
            return true
        }
        let page = max(1, (state.layout.thinking?.height ?? 2) - 2)
        let current = min(state.trace.outlineSelection ?? last, last)
        state.trace.outlineSelection = min(last, max(0, current + lines(action, page: page)))
        return true
    }

    /// Enter or Space in the outline opens the full trace at the chosen step.
    static func openOutlineStep(now: Double, state: inout AppState) -> Bool {
        guard state.trace.outlineOpen, state.focus == .thinking, state.trace.stepCount > 0 else { return false }
        let step = min(state.trace.outlineSelection ?? state.trace.stepCount - 1, state.trace.stepCount - 1)
        state.trace.outlineOpen = false
        state.trace.outlineSelection = nil
        state.trace.move = .step(step)
        state.trace.moveAskedAt = now
        return true
    }

    /// A click on the thinking panel's map strip (its first column below the title): that part
    /// of the trace is shown (in the outline, its step is chosen).
    static func clickTraceMap(at point: Point, now: Double, state: inout AppState) -> Bool {
        guard let panel = state.layout.thinking, !state.thinkingCollapsed, point.x == panel.x, point.y > panel.y,
            let message = state.panelMessage, !message.reasoning.isEmpty
        else { return false }
        let rows = panel.height - 1
        let range = TraceMapScale.range(
            ofRow: point.y - panel.y - 1, rows: rows, bytes: message.reasoning.utf8.count)
        state.focus = .thinking
        state.trace.move = .select(utf8Offset: range.lowerBound)
        state.trace.moveAskedAt = now
        return true
    }

    /// Applies what the panel worked out about the trace in the last frame.
    static func applyTraceReport(_ report: TraceReport, state: inout AppState) {
        state.trace.stepCount = report.stepCount
        if let cursor = report.cursor { state.trace.cursor = cursor }
        if let selection = report.outlineSelection { state.trace.outlineSelection = selection }
        guard report.moved else { return }
        if let missed = report.missed {
            state.notice = Notice(missed, expiresAt: state.trace.moveAskedAt + 2)
        }
        state.trace.move = nil
    }
}
