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
}

/// A transient status-bar message, shown until `expiresAt` (monotonic seconds) or replaced.
public struct Notice: Hashable, Sendable {
    public var text: String
    public var expiresAt: Double?

    public init(_ text: String, expiresAt: Double? = nil) {
        self.text = text
        self.expiresAt = expiresAt
    }
}

/// Scroll positions of the scrolling panes. Transcript and thinking count lines up from the
/// bottom (0 follows the live end); views clamp them to the content they draw.
public struct PaneScroll: Hashable, Sendable {
    public var transcriptFromBottom = 0
    public var thinkingFromBottom = 0
    public var sidebarTop = 0

    public init() {}
}
