/// Where a binding applies. The focused pane's context is tried first, then `global`.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global
    case editor
    /// The sidebar, transcript and thinking panel: panes that scroll.
    case pane
    case help

    /// The heading of this group in the help overlay.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .editor: return "Message editor"
        case .pane: return "Sidebar, transcript, thinking"
        case .help: return "This help"
        }
    }
}

/// When a binding is live, beyond its context.
public enum BindingCondition: Hashable, Sendable {
    case always
    /// Only when the editor is empty or not focused (so the key can still be typed).
    case editorEmptyOrUnfocused
}

/// One entry of the keymap: keys, what they do, and how help describes them.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [KeyPress]
    public var action: Action
    public var context: KeyContext
    public var label: String
    /// The short label of the status bar's key hint; nil when the binding has no hint.
    public var hint: String?
    public var condition: BindingCondition

    public init(
        _ keys: [KeyPress], _ action: Action, in context: KeyContext, _ label: String, hint: String? = nil,
        when condition: BindingCondition = .always
    ) {
        self.keys = keys
        self.action = action
        self.context = context
        self.label = label
        self.hint = hint
        self.condition = condition
    }

    /// The keys as help shows them: `Home / Ctrl-A`.
    public var keyLabel: String { keys.map(\.description).joined(separator: " / ") }
}
