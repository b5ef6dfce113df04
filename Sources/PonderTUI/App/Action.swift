/// Everything a key binding can ask for. The reducer gives each its meaning.
public enum Action: Hashable, Sendable {
    case quit
    /// Ctrl-C: the first press arms quitting, a second one soon after quits.
    case interrupt
    case showHelp
    case closeOverlay
    case toggleSidebar
    case toggleThinkingPanel
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
    /// Opens the full-screen conversation browser (issue 6).
    case openBrowser
}
