import PonderCore

/// What the browser's runtime reports back to the reducer (posted through the event queue).
public enum BrowserEvent: Equatable, Sendable {
    /// The conversation list was (re)read from the store.
    case listLoaded(ConversationListing)
    /// Results of search number `generation`; dropped unless it is the latest one.
    case searchResults(generation: Int, hits: [SearchHit])
    case searchFailed(generation: Int, message: String)
    case previewLoaded(ConversationID, [Message])
    /// A conversation was deleted; it can be restored from this until the next action.
    case deleted(DeletedConversation)
    /// An action finished; the text says what happened (and where an export went).
    case completed(String)
    /// An action failed; the text says why. Nothing was lost.
    case failed(String)
    /// A conversation's title was refined after its first answer (`TitleRefiner`) and saved.
    case titleRefined(ConversationID, title: String)
}

/// The file format of an export.
public enum ExportFormat: String, Equatable, Hashable, Sendable {
    case markdown = "md"
    case json
}

/// What the browser asks the runtime to do against the store. Each posts a `BrowserEvent` back.
public enum BrowserEffect: Equatable, Sendable {
    case loadList(includeArchived: Bool)
    case search(String, generation: Int, includeArchived: Bool)
    case loadPreview(ConversationID)
    case rename(ConversationID, to: String)
    case setPinned(ConversationID, Bool)
    case setArchived(ConversationID, Bool)
    case delete(ConversationID)
    case restore(DeletedConversation)
    case export(ConversationID, ExportFormat)
}
