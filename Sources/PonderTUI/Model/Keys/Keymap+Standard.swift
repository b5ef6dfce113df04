/// Ponder's default bindings.
extension Keymap {
    public static let standard = Keymap(bindings: globalBindings + editorBindings + paneBindings + helpBindings)

    private static let globalBindings: [KeyBinding] = [
        KeyBinding([.ctrl("t")], .toggleThinkingPanel, in: .global, "Collapse or expand thinking", hint: "thinking"),
        KeyBinding([KeyPress(.tab)], .focusNext, in: .global, "Next pane", hint: "pane"),
        KeyBinding([KeyPress(.backTab)], .focusPrevious, in: .global, "Previous pane"),
        KeyBinding([.ctrl("b")], .toggleSidebar, in: .global, "Show or hide the sidebar"),
        KeyBinding([.ctrl("f"), KeyPress(.function(2))], .openBrowser, in: .global, "Browse and search conversations"),
        KeyBinding([KeyPress(.function(1))], .showHelp, in: .global, "Help", hint: "help"),
        KeyBinding(
            [.character("?")], .showHelp, in: .global, "Help (when the editor is empty or unfocused)",
            when: .editorEmptyOrUnfocused),
        KeyBinding([.ctrl("q")], .quit, in: .global, "Quit", hint: "quit"),
        KeyBinding([.ctrl("c")], .interrupt, in: .global, "Quit (press twice)"),
        KeyBinding([KeyPress(.escape)], .cancelStream, in: .global, "Stop the answer (keeps what arrived)"),
        KeyBinding([.ctrl("r")], .regenerate, in: .global, "Regenerate (retry) the answer"),
        KeyBinding([.ctrl("g")], .continueAnswer, in: .global, "Continue a stopped answer"),
        KeyBinding([.ctrl("o")], .toggleAllFolds, in: .global, "Fold or unfold all reasoning"),
    ]

    private static let editorBindings: [KeyBinding] = [
        KeyBinding([KeyPress(.enter)], .submit, in: .editor, "Send", hint: "send"),
        KeyBinding([.alt(.enter), .ctrl("j")], .insertNewline, in: .editor, "New line", hint: "newline"),
        KeyBinding([KeyPress(.backspace)], .deleteBackward, in: .editor, "Delete before cursor"),
        KeyBinding([KeyPress(.delete), .ctrl("d")], .deleteForward, in: .editor, "Delete at cursor"),
        KeyBinding([.ctrl("w"), .alt(.backspace)], .deleteWordBackward, in: .editor, "Delete word before"),
        KeyBinding([.ctrl("u")], .deleteToLineStart, in: .editor, "Delete to line start"),
        KeyBinding([.ctrl("k")], .deleteToLineEnd, in: .editor, "Delete to line end"),
        KeyBinding([KeyPress(.left)], .moveLeft, in: .editor, "Cursor left"),
        KeyBinding([KeyPress(.right)], .moveRight, in: .editor, "Cursor right"),
        KeyBinding([KeyPress(.up)], .moveUp, in: .editor, "Line up; on the first line, earlier prompts"),
        KeyBinding([KeyPress(.down)], .moveDown, in: .editor, "Line down; on the last line, later prompts"),
        KeyBinding([KeyPress(.home), .ctrl("a")], .moveToLineStart, in: .editor, "Line start"),
        KeyBinding([KeyPress(.end), .ctrl("e")], .moveToLineEnd, in: .editor, "Line end"),
        KeyBinding([.alt(.character("b")), KeyPress(.left, .ctrl)], .moveWordBackward, in: .editor, "Word back"),
        KeyBinding([.alt(.character("f")), KeyPress(.right, .ctrl)], .moveWordForward, in: .editor, "Word forward"),
        KeyBinding([.alt(.character("e"))], .editInExternalEditor, in: .editor, "Edit in $EDITOR (also Ctrl-X Ctrl-E)"),
    ]

    private static let paneBindings: [KeyBinding] = [
        KeyBinding([KeyPress(.up), .character("k")], .scrollUp, in: .pane, "Scroll up / previous", hint: "scroll"),
        KeyBinding([KeyPress(.down), .character("j")], .scrollDown, in: .pane, "Scroll down / next"),
        KeyBinding([KeyPress(.pageUp)], .pageUp, in: .pane, "Page up"),
        KeyBinding([KeyPress(.pageDown)], .pageDown, in: .pane, "Page down"),
        KeyBinding(
            [KeyPress(.enter), .character(" ")], .toggleFold, in: .pane,
            "Fold or unfold the selected reasoning (sidebar: open)",
            hint: "fold"),
        KeyBinding([.character("[")], .selectPreviousMessage, in: .pane, "Previous answer"),
        KeyBinding([.character("]")], .selectNextMessage, in: .pane, "Next answer"),
        KeyBinding([.character("y")], .copy, in: .pane, "Copy the answer or the reasoning", hint: "copy"),
        KeyBinding([.character("c")], .copyCodeBlock, in: .pane, "Copy a code block of the answer"),
        KeyBinding([.character("/")], .find, in: .pane, "Search this pane", hint: "search"),
        KeyBinding([.character("+"), .character("=")], .widenThinkingPanel, in: .pane, "Wider thinking panel"),
        KeyBinding([.character("-")], .narrowThinkingPanel, in: .pane, "Narrower thinking panel"),
        KeyBinding([.character("|")], .swapThinkingPanelSide, in: .pane, "Thinking panel to the other side"),
        KeyBinding([.character("n")], .findNext, in: .pane, "Next match"),
        KeyBinding([.character("N")], .findPrevious, in: .pane, "Previous match"),
        KeyBinding([.character("<")], .previousSibling, in: .pane, "Earlier version of this answer"),
        KeyBinding([.character(">")], .nextSibling, in: .pane, "Later version of this answer"),
        KeyBinding([.character("e")], .editQuestion, in: .pane, "Edit the last question and ask again", hint: "edit"),
        KeyBinding([.character("{")], .previousQuestionVersion, in: .pane, "Earlier version of an edited question"),
        KeyBinding([.character("}")], .nextQuestionVersion, in: .pane, "Later version of an edited question"),
        KeyBinding([KeyPress(.home), .character("g")], .scrollToTop, in: .pane, "Top"),
        KeyBinding([KeyPress(.end), .character("G")], .scrollToBottom, in: .pane, "Bottom"),
    ]

    private static let helpBindings: [KeyBinding] = [
        KeyBinding(
            [KeyPress(.escape), .character("q"), .character("?"), KeyPress(.function(1))], .closeOverlay,
            in: .help, "Close help", hint: "close"),
        KeyBinding([KeyPress(.up), .character("k")], .scrollUp, in: .help, "Scroll up"),
        KeyBinding([KeyPress(.down), .character("j")], .scrollDown, in: .help, "Scroll down"),
    ]
}
