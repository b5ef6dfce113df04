import PonderCore

/// The focusable parts of the main screen, in Tab order.
public enum Pane: String, Hashable, Sendable, CaseIterable {
    case sidebar
    case transcript
    case thinking
    case editor
}

/// What covers the main screen, if anything.
public enum Overlay: Hashable, Sendable {
    /// The key help, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// The code blocks of an answer, to pick one to copy.
    case codeBlocks([CodeBlock], selection: Int)
    /// The figures of one answer (time, tokens, speed, steps, reflection points by kind).
    case statistics(MessageID)
    /// Every answer of the conversation with a bar for its thinking; `selection` indexes
    /// `AnswerEffort.answers(in:)` of the shown messages.
    case effort(selection: Int)
    /// The model picker (its state is `ControlsState.picker`).
    case modelPicker
    /// The `[presets]` list; row 0 is "no system prompt".
    case presets(selection: Int)
    /// The answer budget being typed.
    case budget(text: String)
    /// The whole text of an error, wrapped, scrolled down by `scroll` lines.
    case errorText(String, scroll: Int)
}

/// A transient status-bar message, shown until `expiresAt` (monotonic seconds) or replaced.
public struct Notice: Hashable, Sendable {
    public var text: String
    public var expiresAt: Double?
    /// An error, cut to one line: the status bar hints the key that shows it whole.
    public var isError: Bool

    public init(_ text: String, expiresAt: Double? = nil, isError: Bool = false) {
        self.text = text
        self.expiresAt = expiresAt
        self.isError = isError
    }
}

/// Scroll positions of the scrolling panes. Transcript and thinking count lines up from the
/// bottom: 0 follows the live end; above 0 the pane is paused and stays on the same text while
/// more streams in. The views clamp positions to the content they draw and report back
/// (`ScrollReport`), so these are always the positions on screen after a frame.
public struct PaneScroll: Hashable, Sendable {
    public var transcriptFromBottom = 0
    public var thinkingFromBottom = 0
    /// Lines the paused transcript / thinking panel had when last drawn (nil while following or
    /// not yet drawn): lines arriving later are added to the offset so the view does not move.
    public var transcriptLines: DrawnLines?
    public var thinkingLines: DrawnLines?
    /// A place to bring into view on the next frame (a search match, a search hit).
    public var jump: ScrollJump?
    public var sidebarTop = 0

    public init() {}
}

/// A place in a message's text that a pane should show, centred, on the next frame.
public struct ScrollJump: Hashable, Sendable {
    public var pane: Pane
    public var messageID: MessageID
    public var part: MessagePart
    /// UTF-8 offset into the part's text.
    public var utf8Offset: Int

    public init(pane: Pane, messageID: MessageID, part: MessagePart, utf8Offset: Int) {
        self.pane = pane
        self.messageID = messageID
        self.part = part
        self.utf8Offset = utf8Offset
    }
}

/// How many lines a pane's text had when last drawn, and at which width: a count at another
/// width (the terminal or the panel was resized) says nothing about the text now.
public struct DrawnLines: Hashable, Sendable {
    public var width: Int
    public var count: Int

    public init(width: Int, count: Int) {
        self.width = width
        self.count = count
    }

    /// The count, if it was taken at `width`.
    public func count(atWidth width: Int) -> Int? { width == self.width ? count : nil }
}
