import PonderCore

/// The config file's `[keys]` applied to a keymap.
extension Keymap {
    /// Each `KeyRemap.actionNames` entry's action.
    static let actionsByName: [String: Action] = [
        "quit": .app(.quit), "interrupt": .app(.interrupt), "show-help": .app(.showHelp),
        "close-overlay": .app(.closeOverlay), "open-browser": .app(.openBrowser),
        "new-conversation": .app(.newConversation),
        "show-error": .app(.showError),
        "toggle-sidebar": .layout(.toggleSidebar), "toggle-thinking-panel": .layout(.toggleThinkingPanel),
        "widen-thinking-panel": .layout(.widenThinkingPanel), "narrow-thinking-panel": .layout(.narrowThinkingPanel),
        "swap-thinking-panel-side": .layout(.swapThinkingPanelSide), "focus-next": .layout(.focusNext),
        "focus-previous": .layout(.focusPrevious),
        "scroll-up": .scroll(.lineUp), "scroll-down": .scroll(.lineDown), "page-up": .scroll(.pageUp),
        "page-down": .scroll(.pageDown), "scroll-to-top": .scroll(.top), "scroll-to-bottom": .scroll(.bottom),
        "submit": .editor(.submit), "insert-newline": .editor(.insertNewline),
        "delete-backward": .editor(.deleteBackward), "delete-forward": .editor(.deleteForward),
        "delete-word-backward": .editor(.deleteWordBackward), "delete-to-line-start": .editor(.deleteToLineStart),
        "delete-to-line-end": .editor(.deleteToLineEnd), "move-left": .editor(.moveLeft),
        "move-right": .editor(.moveRight), "move-up": .editor(.moveUp), "move-down": .editor(.moveDown),
        "move-to-line-start": .editor(.moveToLineStart), "move-to-line-end": .editor(.moveToLineEnd),
        "move-word-backward": .editor(.moveWordBackward), "move-word-forward": .editor(.moveWordForward),
        "edit-in-external-editor": .editor(.editInExternalEditor),
        "cancel-stream": .answer(.cancelStream), "select-previous-message": .answer(.selectPrevious),
        "select-next-message": .answer(.selectNext), "regenerate": .answer(.regenerate),
        "continue-answer": .answer(.continueAnswer), "previous-sibling": .answer(.previousSibling),
        "next-sibling": .answer(.nextSibling), "previous-question-version": .answer(.previousQuestionVersion),
        "next-question-version": .answer(.nextQuestionVersion), "edit-question": .answer(.editQuestion),
        "toggle-fold": .fold(.toggle), "toggle-all-folds": .fold(.toggleAll),
        "copy": .copy(.text), "copy-code-block": .copy(.codeBlock),
        "find": .find(.start), "find-next": .find(.next), "find-previous": .find(.previous),
        "toggle-outline": .trace(.toggleOutline), "previous-step": .trace(.previousStep),
        "next-step": .trace(.nextStep), "previous-reflection": .trace(.previousReflection),
        "next-reflection": .trace(.nextReflection), "show-statistics": .trace(.showStatistics),
        "show-effort": .trace(.showEffort),
        "pick-model": .controls(.pickModel), "cycle-effort": .controls(.cycleEffort),
        "edit-system-prompt": .controls(.editSystemPrompt), "pick-preset": .controls(.pickPreset),
        "set-budget": .controls(.setBudget),
    ]

    /// The keymap with each named action bound to the given keys instead of its defaults (in
    /// every context it has), the keys taken away from other actions of those contexts.
    /// Entries that cannot be read are left out (the config reader reports them).
    public func remapped(_ remaps: [String: String]) -> Keymap {
        var bindings = self.bindings
        for (name, text) in remaps.sorted(by: { $0.key < $1.key }) {
            guard let action = Self.actionsByName[name], let specs = KeySpec.list(text) else { continue }
            let keys = specs.map(KeyPress.init(spec:))
            let contexts = Set(bindings.filter { $0.action == action }.map(\.context))
            for index in bindings.indices where contexts.contains(bindings[index].context) {
                if bindings[index].action == action {
                    bindings[index].keys = keys
                } else {
                    bindings[index].keys.removeAll { keys.contains($0) }
                }
            }
        }
        return Keymap(bindings: bindings)
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
