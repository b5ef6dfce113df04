import PonderCore

/// Everything the screen shows, as a value. Only the reducer changes it; views read it.
public struct AppState: Equatable, Sendable {
    public var size: Size
    public var focus: Pane = .editor
    /// Whether the user asked for the sidebar; nil shows it automatically on wide terminals.
    public var sidebarPreference: Bool?
    public var thinkingCollapsed = false
    public var editor = EditorState()
    public var conversations: [Conversation] = []
    public var selectedConversation = 0
    public var scroll = PaneScroll()
    /// The provider and model shown in the status bar.
    public var providerLabel: String
    public var modelLabel: String
    /// A word for what is happening (`ready`, `thinking`, …).
    public var activity = "ready"
    public var notice: Notice?
    public var overlay: Overlay?
    /// Until when (monotonic seconds) a second Ctrl-C quits.
    public var quitArmedUntil: Double?
    public var isQuitting = false
    // Browse and search (issue 6): the shared conversation list and the open browser.
    public var listing = ConversationListing()
    public var browser: BrowserState?

    /// How long after a first Ctrl-C a second one quits.
    public static let interruptWindow = 1.5

    public init(size: Size, providerLabel: String = "no provider", modelLabel: String = "no model") {
        self.size = size
        self.providerLabel = providerLabel
        self.modelLabel = modelLabel
    }

    /// The layout of this state's screen.
    public var layout: Layout { Layout(state: self) }

    /// The next moment the state changes by itself (a notice expiring), for the loop's timer.
    public var nextDeadline: Double? {
        [quitArmedUntil, notice?.expiresAt, browser?.searchDueAt].compactMap { $0 }.min()
    }
}
