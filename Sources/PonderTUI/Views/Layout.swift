/// Where each pane goes for a given screen size and state. Pure and cheap: computed every frame.
///
/// Rows: the main area on top, the editor (a title row plus 1–8 text rows) below it, the status
/// bar on the last row. Columns of the main area: the sidebar (when shown), the transcript, the
/// thinking panel beside it (about 40%, or a 2-column strip when collapsed; it gives way on
/// narrow screens). Panes start with their title row; a separator column sits left of the
/// sidebar's neighbours.
public struct Layout: Equatable, Sendable {
    /// Smaller than this, the screen shows only the too-small message.
    public static let minimumSize = Size(width: 40, height: 10)
    /// Narrower than this, the sidebar is hidden unless the user asked for it.
    public static let sidebarAutoWidth = 100
    /// The transcript and thinking panel need this much width to sit side by side.
    public static let thinkingPanelMinimumWidth = 60

    public var size: Size
    public var isTooSmall: Bool
    public var sidebar: Rect?
    public var transcript: Rect
    /// The thinking panel, or its collapsed strip; nil when it gave way.
    public var thinking: Rect?
    public var thinkingCollapsed: Bool
    public var editor: Rect
    public var statusBar: Rect
    /// One-column vertical separators between panes.
    public var separators: [Rect]

    public init(state: AppState) {
        self.init(
            size: state.size, sidebarPreference: state.sidebarPreference,
            thinkingCollapsed: state.thinkingCollapsed, editor: state.editor, panelRatio: state.thinkingPanelRatio,
            panelOnLeft: state.thinkingPanelOnLeft)
    }

    /// The narrowest the answer pane gets beside the thinking panel.
    public static let transcriptMinimumWidth = 30

    public init(
        size: Size, sidebarPreference: Bool?, thinkingCollapsed: Bool, editor editorState: EditorState,
        panelRatio: Double = 0.4, panelOnLeft: Bool = false
    ) {
        self.size = size
        isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        self.thinkingCollapsed = thinkingCollapsed
        separators = []
        statusBar = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let maxEditorRows = max(1, min(8, (size.height - 1) / 3))
        let editorRows = editorState.rowCount(width: EditorView.textWidth(for: size.width), limit: maxEditorRows)
        editor = Rect(x: 0, y: size.height - 2 - editorRows, width: size.width, height: editorRows + 1)
        let mainHeight = max(0, editor.y)
        var left = 0
        var remaining = size.width
        sidebar = nil
        if sidebarPreference ?? (size.width >= Self.sidebarAutoWidth), size.width >= Self.thinkingPanelMinimumWidth {
            let width = min(32, max(20, size.width / 5))
            sidebar = Rect(x: 0, y: 0, width: width, height: mainHeight)
            separators.append(Rect(x: width, y: 0, width: 1, height: mainHeight))
            left = width + 1
            remaining -= width + 1
        }
        thinking = nil
        // The panel's columns, its separator included: a strip when collapsed, else its share.
        var panelColumns = 0
        if thinkingCollapsed && remaining >= Self.minimumSize.width {
            panelColumns = 2
        } else if !thinkingCollapsed && remaining >= Self.thinkingPanelMinimumWidth {
            let share = Int(Double(remaining) * min(0.8, max(0.2, panelRatio)) + 1e-9)
            panelColumns = max(20, min(share, remaining - Self.transcriptMinimumWidth))
        }
        let transcriptWidth = remaining - panelColumns
        if panelColumns > 0 {
            let panelX = panelOnLeft ? left : left + transcriptWidth + 1
            let separatorX = panelOnLeft ? left + panelColumns - 1 : left + transcriptWidth
            thinking = Rect(x: panelX, y: 0, width: panelColumns - 1, height: mainHeight)
            separators.append(Rect(x: separatorX, y: 0, width: 1, height: mainHeight))
        }
        transcript = Rect(
            x: panelOnLeft ? left + panelColumns : left, y: 0, width: transcriptWidth, height: mainHeight)
    }

    /// The panes visible in this layout, in Tab order.
    public var visiblePanes: [Pane] {
        var panes: [Pane] = []
        if sidebar != nil { panes.append(.sidebar) }
        panes.append(.transcript)
        if thinking != nil && !thinkingCollapsed { panes.append(.thinking) }
        panes.append(.editor)
        return panes
    }

    /// The pane under a screen cell, if any.
    public func pane(at point: Point) -> Pane? {
        if let sidebar, sidebar.contains(point) { return .sidebar }
        if transcript.contains(point) { return .transcript }
        if let thinking, thinking.contains(point) { return .thinking }
        if editor.contains(point) { return .editor }
        return nil
    }

    /// A pane's rect (nil when hidden).
    public func rect(of pane: Pane) -> Rect? {
        switch pane {
        case .sidebar: return sidebar
        case .transcript: return transcript
        case .thinking: return thinking
        case .editor: return editor
        }
    }
}
