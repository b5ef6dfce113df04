import PonderCore

/// Everything the screen shows, as a value. Only the reducer changes it; views read it.
public struct AppState: Equatable, Sendable {
    public var size: Size
    public var focus: Pane = .editor
    /// Whether the user asked for the sidebar; nil shows it automatically on wide terminals.
    public var sidebarPreference: Bool?
    public var thinkingCollapsed = false
    /// The thinking panel's share of the width beside the answers (`UISettings.thinkingPanelRatio`).
    public var thinkingPanelRatio = 0.4
    /// The thinking panel sits left of the answers (`UISettings.thinkingPanelSide`).
    public var thinkingPanelOnLeft = false
    public var editor = EditorState()
    /// The sidebar's selection: an index into `listing.summaries`.
    public var selectedConversation = 0
    public var scroll = PaneScroll()
    /// The provider and model shown in the status bar.
    public var providerLabel: String
    public var modelLabel: String
    /// A word for what is happening (`ready`, `thinking`, …).
    public var activity = "ready"
    public var notice: Notice?
    /// The whole text of the newest error notice, for the key that shows it (the notice is one line).
    public var newestError: String?
    public var overlay: Overlay?
    /// Until when (monotonic seconds) a second Ctrl-C quits.
    public var quitArmedUntil: Double?
    public var isQuitting = false
    /// A stream or unsaved text that Ctrl-Q asks about before leaving.
    public var quitGuard = QuitGuard()
    /// The open conversation; nil until the first message is sent.
    public var conversationID: ConversationID?
    /// The open conversation's messages, oldest first.
    public var messages: [Message] = [] {
        didSet { visiblePath.update(messages, shownAnswers: shownAnswers) }
    }
    /// The request being streamed, if any.
    public var stream: StreamProgress?
    /// Enter was pressed after the answer's last token but before its turn ended (the final save):
    /// the editor's text is sent when it ends.
    public var sendsWhenSaved = false
    /// The assistant message whose reasoning the thinking panel shows; nil follows the newest.
    public var selectedMessageID: MessageID?
    /// Fold state for messages that have none stored (`UISettings.foldReasoningByDefault`).
    public var foldReasoningByDefault = true
    /// Collapse the thinking panel when the answer starts (`UISettings.collapseThinkingOnAnswer`).
    public var collapseThinkingOnAnswer = false
    /// Which version is shown where a message has several children (answers regenerated,
    /// questions edited), by the parent's id (`rootKey` for the first message); by default the newest.
    public var shownAnswers: [MessageID: MessageID] = [:] {
        didSet { visiblePath.update(messages, shownAnswers: shownAnswers) }
    }
    /// Where the messages of `visibleMessages` are in `messages`, kept as those two change.
    private var visiblePath = VisiblePath()
    /// Prices of the provider in use, for the cost in the status bar.
    public var prices: TokenPrices?
    /// Tokens and cost of the answers that ended since the app started.
    public var session = UsageTotals()
    /// When no provider is usable: the first-run explanation shown instead of the transcript.
    public var firstRunHelp: [String]?

    /// The conversation list, shown by the sidebar and the browser.
    public var listing = ConversationListing()
    /// The full-screen browser, when it is open.
    public var browser: BrowserState?
    /// The question being edited to ask again (`e`): sending makes a new version of it.
    public var editingQuestion: MessageID?
    /// Ctrl-X was pressed in the editor; Ctrl-E next opens `$EDITOR`.
    public var awaitingCtrlXSecondKey = false
    /// The transcript rows of answers on screen in the last frame, for mouse clicks.
    public var transcriptRows: [ScrollReport.Row] = []
    /// Earlier prompts for Up / Down in the editor.
    public var promptRecall = PromptRecall()
    /// A conversation being opened at a search hit: applied when it has loaded.
    public var pendingSearchFocus: PendingSearchFocus?
    /// `/` search within the transcript or the thinking panel.
    public var find: FindState?
    /// The thinking panel's outline mode and trace jumps.
    public var trace = TraceReading()
    /// Per-conversation controls: providers, the open conversation's choices, the model picker.
    public var controls = ControlsState()

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
        return visibleIndices.last { messages[$0].role == .assistant }.map { messages[$0] }
    }

    /// The key in `shownAnswers` for the first messages of a conversation (they have no parent).
    public static let rootKey = MessageID("")

    /// The key under which a message's versions are chosen: its parent, or `rootKey`.
    public func branchKey(of message: Message) -> MessageID {
        guard let parent = message.parentID, messages.contains(where: { $0.id == parent }) else { return Self.rootKey }
        return parent
    }

    /// The versions of a message, oldest first: the answers to the same question (regenerate),
    /// or the versions of an edited question.
    public func siblings(of message: Message) -> [Message] {
        // One pass with a set of ids: `branchKey` per message would look the parent up in the whole
        // list each time, and this runs for every answer the transcript lays out.
        let ids = Set(messages.lazy.map(\.id))
        func key(_ message: Message) -> MessageID {
            message.parentID.flatMap { ids.contains($0) ? $0 : nil } ?? Self.rootKey
        }
        let target = key(message)
        return messages.filter { $0.role == message.role && key($0) == target }
    }

    /// The messages the transcript shows: the branch through the chosen version of each question
    /// and answer (by default the newest), from the first message down.
    public var visibleMessages: [Message] { visiblePath.indices.map { messages[$0] } }

    /// The indices in `messages` of `visibleMessages`.
    var visibleIndices: [Int] { visiblePath.indices }

    /// The layout of this state's screen.
    public var layout: Layout { Layout(state: self) }

    /// The next moment the state changes by itself (a notice expiring), for the loop's timer.
    public var nextDeadline: Double? {
        [quitArmedUntil, notice?.expiresAt, browser?.searchDueAt, stream?.silenceCheckDue, quitGuard.deadline]
            .compactMap { $0 }.min()
    }
}

/// Where to show a conversation that is being loaded to open it at a search hit.
public struct PendingSearchFocus: Equatable, Sendable {
    public var conversation: ConversationID
    public var focus: SearchFocus

    public init(conversation: ConversationID, focus: SearchFocus) {
        self.conversation = conversation
        self.focus = focus
    }
}

/// Earlier prompts the editor can recall: the store's newest (loaded at start) and this
/// session's, oldest first; which one is shown, and the text being written before recalling.
public struct PromptRecall: Equatable, Sendable {
    public var history: [String] = []
    /// Index into `history` of the prompt in the editor; nil when it holds new text.
    public var position: Int?
    public var draft = ""

    /// Prompts kept at most.
    public static let limit = 500

    public init(history: [String] = []) {
        self.history = history
    }

    /// Adds a sent prompt as the newest (moving it there if it was already known).
    public mutating func record(_ prompt: String) {
        history.removeAll { $0 == prompt }
        history.append(prompt)
        if history.count > Self.limit { history.removeFirst(history.count - Self.limit) }
        position = nil
        draft = ""
    }
}
