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
    /// The open conversation; nil until the first message is sent.
    public var conversationID: ConversationID?
    /// The open conversation's messages, oldest first.
    public var messages: [Message] = []
    /// The request being streamed, if any.
    public var stream: StreamProgress?
    /// The assistant message whose reasoning the thinking panel shows; nil follows the newest.
    public var selectedMessageID: MessageID?
    /// Fold state for messages that have none stored (`UISettings.foldReasoningByDefault`).
    public var foldReasoningByDefault = true
    /// Collapse the thinking panel when the answer starts (`UISettings.collapseThinkingOnAnswer`).
    public var collapseThinkingOnAnswer = false
    /// For a user message answered more than once (regenerate): the answer shown, by the user
    /// message's id; by default the newest.
    public var shownAnswers: [MessageID: MessageID] = [:]
    /// Prices of the provider in use, for the cost in the status bar.
    public var prices: TokenPrices?
    /// When no provider is usable: the first-run explanation shown instead of the transcript.
    public var firstRunHelp: [String]?

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

    /// Whether a message's reasoning is folded in the transcript.
    public func isFolded(_ message: Message) -> Bool {
        message.reasoningFolded ?? foldReasoningByDefault
    }

    /// The assistant message the thinking panel shows: the selected one, else the newest shown.
    public var panelMessage: Message? {
        if let selectedMessageID, let message = messages.last(where: { $0.id == selectedMessageID }) {
            return message
        }
        return visibleMessages.last(where: { $0.role == .assistant })
    }

    /// The answers to the same user message, oldest first.
    public func siblings(of message: Message) -> [Message] {
        guard message.role == .assistant, let parent = message.parentID else { return [message] }
        return messages.filter { $0.role == .assistant && $0.parentID == parent }
    }

    /// The messages the transcript shows: of several answers to one user message, only the chosen one.
    public var visibleMessages: [Message] {
        var newest: [MessageID: MessageID] = [:]
        for message in messages where message.role == .assistant {
            if let parent = message.parentID { newest[parent] = message.id }
        }
        return messages.filter { message in
            guard message.role == .assistant, let parent = message.parentID else { return true }
            return (shownAnswers[parent] ?? newest[parent]) == message.id
        }
    }

    /// The layout of this state's screen.
    public var layout: Layout { Layout(state: self) }

    /// The next moment the state changes by itself (a notice expiring), for the loop's timer.
    public var nextDeadline: Double? {
        [quitArmedUntil, notice?.expiresAt, browser?.searchDueAt].compactMap { $0 }.min()
    }
}
