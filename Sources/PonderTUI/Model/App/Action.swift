/// Everything a key binding can ask for. The reducer gives each its meaning.
public enum Action: Hashable, Sendable {
    case quit
    /// Ctrl-C: the first press arms quitting, a second one soon after quits.
    case interrupt
    case showHelp
    case closeOverlay
    case toggleSidebar
    case toggleThinkingPanel
    /// Make the thinking panel wider or narrower, or move it to the other side of the answers.
    case widenThinkingPanel
    case narrowThinkingPanel
    case swapThinkingPanelSide
    case focusNext
    case focusPrevious
    case scrollUp
    case scrollDown
    case pageUp
    case pageDown
    case scrollToTop
    case scrollToBottom
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
    /// Esc: stop the streaming request, keeping what arrived.
    case cancelStream
    /// Fold or unfold the selected message's reasoning in the transcript.
    case toggleFold
    /// Fold every message's reasoning, or unfold all when all are folded.
    case toggleAllFolds
    /// Select the previous / next assistant message (the thinking panel follows).
    case selectPreviousMessage
    case selectNextMessage
    /// Ask again for the selected answer; the old one stays as a sibling.
    case regenerate
    /// Continue the selected answer where it stopped.
    case continueAnswer
    /// Show the previous / next answer to the same user message.
    case previousSibling
    case nextSibling
    /// Show the previous / next version of an edited question (with its answers).
    case previousQuestionVersion
    case nextQuestionVersion
    /// Put the last question in the editor to change it and ask again as a new version.
    case editQuestion
    /// Copy the selected answer (transcript) or the shown reasoning (thinking panel) to the clipboard.
    case copy
    /// Copy a code block of the selected answer (a picker when it has several).
    case copyCodeBlock

    /// `/`: search within the focused pane; n / N: the next / previous match.
    case find
    case findNext
    case findPrevious

    /// Opens the full-screen conversation browser (issue 6).
    case openBrowser
}
