/// Everything a key binding can ask for, in groups. The reducer gives each group to one function
/// whose switch names every case, so a new action does not compile until something handles it. A
/// new action joins the group it belongs to (or a new group), its binding goes in
/// `Keymap+Standard.swift` and its config name in `Keymap+Remap.swift` and `KeyRemap.actionNames`.
public enum Action: Hashable, Sendable {
    case app(AppAction)
    case layout(LayoutAction)
    case scroll(ScrollAction)
    case editor(EditorAction)
    case answer(AnswerAction)
    case fold(FoldAction)
    case copy(CopyAction)
    case find(FindAction)
    case trace(TraceAction)
    case controls(ControlsAction)
}

/// The app as a whole: leaving, help, the browser.
public enum AppAction: Hashable, Sendable {
    case quit
    /// Ctrl-C: the first press arms quitting, a second one soon after quits.
    case interrupt
    case showHelp
    case closeOverlay
    /// Opens the full-screen conversation browser.
    case openBrowser
    /// Leaves the open conversation for a new, empty one (stored when its first question is sent).
    case newConversation
    /// Shows the whole text of the newest error, or of the selected failed answer.
    case showError
}

/// Which panes show, how wide, and which has the keyboard.
public enum LayoutAction: Hashable, Sendable {
    case toggleSidebar
    case toggleThinkingPanel
    /// Make the thinking panel wider or narrower, or move it to the other side of the answers.
    case widenThinkingPanel
    case narrowThinkingPanel
    case swapThinkingPanelSide
    case focusNext
    case focusPrevious
}

/// Moving through the focused pane (or the help).
public enum ScrollAction: Hashable, Sendable {
    case lineUp
    case lineDown
    case pageUp
    case pageDown
    case top
    case bottom
}

/// The message editor: sending, typing and moving the cursor.
public enum EditorAction: Hashable, Sendable {
    case submit
    case insertNewline
    case deleteBackward
    case deleteForward
    case deleteWordBackward
    case deleteToLineStart
    case deleteToLineEnd
    case moveLeft
    case moveRight
    case moveUp
    case moveDown
    case moveToLineStart
    case moveToLineEnd
    case moveWordBackward
    case moveWordForward
    /// Ctrl-X Ctrl-E: edit the message in `$VISUAL` / `$EDITOR`.
    case editInExternalEditor
}

/// The answers: stopping, asking again, and choosing which answer and which version shows.
public enum AnswerAction: Hashable, Sendable {
    /// Esc: stop the streaming request, keeping what arrived.
    case cancelStream
    /// Ask again for the selected answer; the old one stays as a sibling.
    case regenerate
    /// Continue the selected answer where it stopped.
    case continueAnswer
    /// Select the previous / next assistant message (the thinking panel follows).
    case selectPrevious
    case selectNext
    /// Show the previous / next answer to the same user message.
    case previousSibling
    case nextSibling
    /// Show the previous / next version of an edited question (with its answers).
    case previousQuestionVersion
    case nextQuestionVersion
    /// Put the last question in the editor to change it and ask again as a new version.
    case editQuestion
}

/// Folding reasoning in the transcript.
public enum FoldAction: Hashable, Sendable {
    /// Fold or unfold the selected message's reasoning (in the sidebar: open the conversation).
    case toggle
    /// Fold every message's reasoning, or unfold all when all are folded.
    case toggleAll
}

/// Copying to the clipboard.
public enum CopyAction: Hashable, Sendable {
    /// The selected answer (transcript) or the shown reasoning (thinking panel).
    case text
    /// A code block of the selected answer (a picker when it has several).
    case codeBlock
}

/// `/` search within the focused pane.
public enum FindAction: Hashable, Sendable {
    case start
    case next
    case previous
}

/// Reading a long trace: its outline, jumps by step and reflection point, its figures, and the
/// effort of every answer.
public enum TraceAction: Hashable, Sendable {
    /// Show the thinking panel's trace as one line per step, or the full text again.
    case toggleOutline
    case previousStep
    case nextStep
    case previousReflection
    case nextReflection
    /// The figures of the shown answer, in a detail view.
    case showStatistics
    /// Every answer of the conversation with a bar for how hard the model thought.
    case showEffort
}
