import PonderCore

/// The full-screen conversation browser: where the keyboard is (list or search field), the
/// query and its debounce deadline, the hits of the latest search, the selection and scroll,
/// an open prompt (rename, delete confirmation), the undo of the last deletion and the preview.
/// The conversation list itself is `AppState.listing`, shared with the sidebar.
public struct BrowserState: Equatable, Sendable {
    /// Where typed keys go.
    public enum Focus: Hashable, Sendable {
        case list
        case query
    }

    /// A question in the footer that takes the keyboard until answered.
    public enum Prompt: Equatable, Sendable {
        case rename(ConversationID, text: String)
        case confirmDelete(ConversationID, title: String)
    }

    /// The selected conversation's messages, once loaded.
    public struct Preview: Equatable, Sendable {
        public var conversationID: ConversationID
        public var messages: [Message]

        public init(conversationID: ConversationID, messages: [Message]) {
            self.conversationID = conversationID
            self.messages = messages
        }
    }

    /// How long typing must pause before a search runs.
    public static let searchDebounce = 0.1

    public var focus: Focus = .list
    public var query = ""
    /// When (monotonic seconds) the pending search is due; nil when none is pending.
    public var searchDueAt: Double?
    /// The number of the latest search requested; results of older ones are dropped.
    public var searchGeneration = 0
    public var isSearching = false
    /// The hits shown, and the query they answer.
    public var hits: [SearchHit] = []
    public var hitsQuery = ""
    /// The selected item: an index into the conversations, or into the hits while searching.
    public var selection = 0
    /// The first list row shown.
    public var top = 0
    public var prompt: Prompt?
    /// The last deletion, undoable until the next action.
    public var undo: DeletedConversation?
    public var preview: Preview?
    /// Whether archived conversations are listed.
    public var showArchived = false

    public init(focus: Focus = .list) { self.focus = focus }

    /// True while the list shows search hits rather than conversations.
    public var isShowingHits: Bool { !query.isEmpty }
}
