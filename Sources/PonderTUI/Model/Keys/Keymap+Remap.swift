import PonderCore

/// The config file's `[keys]` applied to a keymap.
extension Keymap {
    /// Each `KeyRemap.actionNames` entry's action.
    static let actionsByName: [String: Action] = [
        "quit": .quit, "interrupt": .interrupt, "show-help": .showHelp, "close-overlay": .closeOverlay,
        "toggle-sidebar": .toggleSidebar, "toggle-thinking-panel": .toggleThinkingPanel,
        "widen-thinking-panel": .widenThinkingPanel, "narrow-thinking-panel": .narrowThinkingPanel,
        "swap-thinking-panel-side": .swapThinkingPanelSide, "focus-next": .focusNext,
        "focus-previous": .focusPrevious, "scroll-up": .scrollUp, "scroll-down": .scrollDown, "page-up": .pageUp,
        "page-down": .pageDown, "scroll-to-top": .scrollToTop, "scroll-to-bottom": .scrollToBottom,
        "submit": .submit, "insert-newline": .insertNewline, "delete-backward": .deleteBackward,
        "delete-forward": .deleteForward, "delete-word-backward": .deleteWordBackward,
        "delete-to-line-start": .deleteToLineStart, "delete-to-line-end": .deleteToLineEnd, "move-left": .moveLeft,
        "move-right": .moveRight, "move-up": .moveUp, "move-down": .moveDown,
        "move-to-line-start": .moveToLineStart, "move-to-line-end": .moveToLineEnd,
        "move-word-backward": .moveWordBackward, "move-word-forward": .moveWordForward,
        "edit-in-external-editor": .editInExternalEditor, "cancel-stream": .cancelStream, "toggle-fold": .toggleFold,
        "toggle-all-folds": .toggleAllFolds, "select-previous-message": .selectPreviousMessage,
        "select-next-message": .selectNextMessage, "regenerate": .regenerate, "continue-answer": .continueAnswer,
        "previous-sibling": .previousSibling, "next-sibling": .nextSibling,
        "previous-question-version": .previousQuestionVersion, "next-question-version": .nextQuestionVersion,
        "edit-question": .editQuestion, "copy": .copy, "copy-code-block": .copyCodeBlock, "find": .find,
        "find-next": .findNext, "find-previous": .findPrevious, "open-browser": .openBrowser,
    ]

    /// The keymap with each named action bound to the given keys instead of its defaults (in
    /// every context it has), the keys taken away from other actions of those contexts.
    /// Entries that cannot be read are left out (the config reader reports them).
    public func remapped(_ remaps: [String: String]) -> Keymap {
        var result = self
        for (name, text) in remaps.sorted(by: { $0.key < $1.key }) {
            guard let action = Self.actionsByName[name], let specs = KeySpec.list(text) else { continue }
            let keys = specs.map(KeyPress.init(spec:))
            let contexts = Set(result.bindings.filter { $0.action == action }.map(\.context))
            for index in result.bindings.indices where contexts.contains(result.bindings[index].context) {
                if result.bindings[index].action == action {
                    result.bindings[index].keys = keys
                } else {
                    result.bindings[index].keys.removeAll { keys.contains($0) }
                }
            }
        }
        return result
    }
}

extension KeyPress {
    /// The key press a config file's key stands for.
    init(spec: KeySpec) {
        let key: Key
        switch spec.name {
        case .character(let character): key = .character(character)
        case .enter: key = .enter
        case .tab: key = spec.shift ? .backTab : .tab
        case .backspace: key = .backspace
        case .delete: key = .delete
        case .insert: key = .insert
        case .escape: key = .escape
        case .up: key = .up
        case .down: key = .down
        case .left: key = .left
        case .right: key = .right
        case .home: key = .home
        case .end: key = .end
        case .pageUp: key = .pageUp
        case .pageDown: key = .pageDown
        case .function(let number): key = .function(number)
        }
        var modifiers: KeyModifiers = []
        if spec.ctrl { modifiers.insert(.ctrl) }
        if spec.alt { modifiers.insert(.alt) }
        // Shifted characters arrive as the character itself (`G`), shift-tab as its own key.
        if spec.shift && key != .backTab {
            if case .character = key {} else { modifiers.insert(.shift) }
        }
        self.init(key, modifiers)
    }
}
