/// Layout actions: which panes show, the thinking panel's width and side, and focus.
extension Reducer {
    static func arrange(_ action: LayoutAction, now: Double, state: inout AppState) {
        switch action {
        case .toggleSidebar:
            state.sidebarPreference = !(state.layout.sidebar != nil)
            keepFocusVisible(&state)
        case .toggleThinkingPanel:
            state.thinkingCollapsed.toggle()
            keepFocusVisible(&state)
        case .widenThinkingPanel, .narrowThinkingPanel:
            let step = action == .widenThinkingPanel ? 0.05 : -0.05
            state.thinkingPanelRatio = min(0.8, max(0.2, ((state.thinkingPanelRatio + step) * 100).rounded() / 100))
            state.thinkingCollapsed = false
            state.notice = Notice(
                "Thinking panel: \\(Int(state.thinkingPanelRatio * 100))% of the width", expiresAt: now + 2)
        case .swapThinkingPanelSide:
            state.thinkingPanelOnLeft.toggle()
        case .focusNext, .focusPrevious:
            moveFocus(&state, forward: action == .focusNext)
        }
    }

    static func keepFocusVisible(_ state: inout AppState) {
        if !state.layout.visiblePanes.contains(state.focus) { state.focus = .editor }
    }

    static func moveFocus(_ state: inout AppState, forward: Bool) {
        let panes = state.layout.visiblePanes
        let current = panes.firstIndex(of: state.focus) ?? panes.count - 1
        let next = (current + (forward ? 1 : panes.count - 1)) % panes.count
        state.focus = panes[next]
    }
}
