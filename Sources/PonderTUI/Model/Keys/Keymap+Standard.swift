/// Ponder's default bindings.
extension Keymap {
    public static let standard = Keymap(
        bindings: globalBindings + editorBindings + paneBindings + traceBindings + helpBindings + controlsBindings)

    private static let globalBindings: [KeyBinding] = [
        KeyBinding(
            [.ctrl("t")], .layout(.toggleThinkingPanel), in: .global, "Collapse or expand thinking", hint: "thinking"),
        KeyBinding([KeyPress(.tab)], .layout(.focusNext), in: .global, "Next pane", hint: "pane"),
        KeyBinding([KeyPress(.backTab)], .layout(.focusPrevious), in: .global, "Previous pane"),
        KeyBinding([.ctrl("b")], .layout(.toggleSidebar), in: .global, "Show or hide the sidebar"),
        KeyBinding(
            [.ctrl("f"), KeyPress(.function(2))], .app(.openBrowser), in: .global, "Browse and search conversations"),
        KeyBinding([KeyPress(.function(1))], .app(.showHelp), in: .global, "Help", hint: "help"),
        KeyBinding(
            [.character("?")], .app(.showHelp), in: .global, "Help (when the editor is empty or unfocused)",
            when: .editorEmptyOrUnfocused),
        KeyBinding([.ctrl("q")], .app(.quit), in: .global, "Quit", hint: "quit"),
        KeyBinding([.ctrl("c")], .app(.interrupt), in: .global, "Quit (press twice)"),
        // After help and quit: on narrow bars its hint is the one left out (the sidebar's first row shows it).
        KeyBinding([.ctrl("n")], .app(.newConversation), in: .global, "New conversation", hint: "new"),
        KeyBinding([KeyPress(.escape)], .answer(.cancelStream), in: .global, "Stop the answer (keeps what arrived)"),
        KeyBinding([.ctrl("r")], .answer(.regenerate), in: .global, "Regenerate (retry) the answer"),
        KeyBinding([.ctrl("g")], .answer(.continueAnswer), in: .global, "Continue a stopped answer"),
        KeyBinding([.ctrl("o")], .fold(.toggleAll), in: .global, "Fold or unfold all reasoning"),
        KeyBinding(
            [KeyPress(.function(5))], .app(.showError), in: .global,
            "Show the whole error (the newest, or the selected failed answer's)"),
    ]

    private static let controlsBindings: [KeyBinding] = [
        KeyBinding(
            [.alt(.character("m")), KeyPress(.function(3))], .controls(.pickModel), in: .global,
            "Choose the model (there Ctrl-R asks again)"),
        KeyBinding(
            [.alt(.character("t")), KeyPress(.function(4))], .controls(.cycleEffort), in: .global,
            "Next thinking effort"),
        KeyBinding(
            [.alt(.character("s"))], .controls(.editSystemPrompt), in: .global, "Edit the system prompt"),
        KeyBinding([.alt(.character("p"))], .controls(.pickPreset), in: .global, "Use a system prompt preset"),
        KeyBinding(
            [.alt(.character("l"))], .controls(.setBudget), in: .global,
            "Set the answer budget (tokens)"),
    ]

    private static let editorBindings: [KeyBinding] = [
        KeyBinding([KeyPress(.enter)], .editor(.submit), in: .editor, "Send", hint: "send"),
        KeyBinding([.alt(.enter), .ctrl("j")], .editor(.insertNewline), in: .editor, "New line", hint: "newline"),
        KeyBinding([KeyPress(.backspace)], .editor(.deleteBackward), in: .editor, "Delete before cursor"),
        KeyBinding([KeyPress(.delete), .ctrl("d")], .editor(.deleteForward), in: .editor, "Delete at cursor"),
        KeyBinding([.ctrl("w"), .alt(.backspace)], .editor(.deleteWordBackward), in: .editor, "Delete word before"),
        KeyBinding([.ctrl("u")], .editor(.deleteToLineStart), in: .editor, "Delete to line start"),
        KeyBinding([.ctrl("k")], .editor(.deleteToLineEnd), in: .editor, "Delete to line end"),
        KeyBinding([KeyPress(.left)], .editor(.moveLeft), in: .editor, "Cursor left"),
        KeyBinding([KeyPress(.right)], .editor(.moveRight), in: .editor, "Cursor right"),
        KeyBinding([KeyPress(.up)], .editor(.moveUp), in: .editor, "Line up; on the first line, earlier prompts"),
        KeyBinding([KeyPress(.down)], .editor(.moveDown), in: .editor, "Line down; on the last line, later prompts"),
        KeyBinding([KeyPress(.home), .ctrl("a")], .editor(.moveToLineStart), in: .editor, "Line start"),
        KeyBinding([KeyPress(.end), .ctrl("e")], .editor(.moveToLineEnd), in: .editor, "Line end"),
        KeyBinding(
            [.alt(.character("b")), KeyPress(.left, .ctrl)], .editor(.moveWordBackward), in: .editor, "Word back"),
        KeyBinding(
            [.alt(.character("f")), KeyPress(.right, .ctrl)], .editor(.moveWordForward), in: .editor, "Word forward"),
        KeyBinding(
            [.alt(.character("e"))], .editor(.editInExternalEditor), in: .editor, "Edit in $EDITOR (also Ctrl-X Ctrl-E)"
        ),
    ]

    private static let paneBindings: [KeyBinding] = [
        KeyBinding(
            [KeyPress(.up), .character("k")], .scroll(.lineUp), in: .pane, "Scroll up / previous", hint: "scroll"),
        KeyBinding([KeyPress(.down), .character("j")], .scroll(.lineDown), in: .pane, "Scroll down / next"),
        KeyBinding([KeyPress(.pageUp)], .scroll(.pageUp), in: .pane, "Page up"),
        KeyBinding([KeyPress(.pageDown)], .scroll(.pageDown), in: .pane, "Page down"),
        KeyBinding(
            [KeyPress(.enter), .character(" ")], .fold(.toggle), in: .pane,
            "Fold or unfold the selected reasoning (sidebar: open)",
            hint: "fold"),
        KeyBinding([.character("[")], .answer(.selectPrevious), in: .pane, "Previous answer"),
        KeyBinding([.character("]")], .answer(.selectNext), in: .pane, "Next answer"),
        KeyBinding([.character("y")], .copy(.text), in: .pane, "Copy the answer or the reasoning", hint: "copy"),
        KeyBinding([.character("c")], .copy(.codeBlock), in: .pane, "Copy a code block of the answer"),
        KeyBinding([.character("/")], .find(.start), in: .pane, "Search this pane", hint: "search"),
        KeyBinding(
            [.character("+"), .character("=")], .layout(.widenThinkingPanel), in: .pane, "Wider thinking panel"),
        KeyBinding([.character("-")], .layout(.narrowThinkingPanel), in: .pane, "Narrower thinking panel"),
        KeyBinding([.character("|")], .layout(.swapThinkingPanelSide), in: .pane, "Thinking panel to the other side"),
        KeyBinding([.character("n")], .find(.next), in: .pane, "Next match"),
        KeyBinding([.character("N")], .find(.previous), in: .pane, "Previous match"),
        KeyBinding([.character("<")], .answer(.previousSibling), in: .pane, "Earlier version of this answer"),
        KeyBinding([.character(">")], .answer(.nextSibling), in: .pane, "Later version of this answer"),
        KeyBinding(
            [.character("e")], .answer(.editQuestion), in: .pane, "Edit the last question and ask again", hint: "edit"),
        KeyBinding(
            [.character("{")], .answer(.previousQuestionVersion), in: .pane, "Earlier version of an edited question"),
        KeyBinding([.character("}")], .answer(.nextQuestionVersion), in: .pane, "Later version of an edited question"),
        KeyBinding([KeyPress(.home), .character("g")], .scroll(.top), in: .pane, "Top"),
        KeyBinding([KeyPress(.end), .character("G")], .scroll(.bottom), in: .pane, "Bottom"),
    ]

    private static let traceBindings: [KeyBinding] = [
        KeyBinding(
            [.character("o")], .trace(.toggleOutline), in: .pane,
            "Outline of the trace: one line per step (Enter opens)",
            hint: "outline"),
        KeyBinding([.character("(")], .trace(.previousStep), in: .pane, "Previous step of the trace"),
        KeyBinding([.character(")")], .trace(.nextStep), in: .pane, "Next step of the trace"),
        KeyBinding([.character("R")], .trace(.previousReflection), in: .pane, "Previous reflection point"),
        KeyBinding([.character("r")], .trace(.nextReflection), in: .pane, "Next reflection point"),
        KeyBinding(
            [.character("i")], .trace(.showStatistics), in: .pane, "Figures of the answer (time, tokens, steps)"),
        KeyBinding([.character("H")], .trace(.showEffort), in: .pane, "How hard the model thought, per answer"),
    ]

    private static let helpBindings: [KeyBinding] = [
        KeyBinding(
            [KeyPress(.escape), .character("q"), .character("?"), KeyPress(.function(1))], .app(.closeOverlay),
            in: .help, "Close help", hint: "close"),
        KeyBinding([KeyPress(.up), .character("k")], .scroll(.lineUp), in: .help, "Scroll up"),
        KeyBinding([KeyPress(.down), .character("j")], .scroll(.lineDown), in: .help, "Scroll down"),
        KeyBinding([KeyPress(.pageUp), .character("b")], .scroll(.pageUp), in: .help, "Page up"),
        KeyBinding([KeyPress(.pageDown), .character(" ")], .scroll(.pageDown), in: .help, "Page down"),
        KeyBinding([KeyPress(.home), .character("g")], .scroll(.top), in: .help, "Top"),
        KeyBinding([KeyPress(.end), .character("G")], .scroll(.bottom), in: .help, "Bottom"),
    ]
}
