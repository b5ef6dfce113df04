import PonderCore

/// What the reducer asks the runtime to do. Pure data, compared in tests; `Runtime/EffectRunner`
/// carries each out.
public enum Effect: Equatable, Sendable {
    /// Send `text` as a new user message in the conversation (a new one when nil), after the
    /// message shown last (the branch it continues).
    case send(text: String, conversationID: ConversationID?, after: MessageID?)
    /// Ask `text` as a new version of this user message (its earlier version stays, with its answers).
    case resend(text: String, replacing: MessageID)
    /// Stop the request filling this assistant message; what arrived stays.
    case cancelStream(MessageID)
    /// Ask again for the answer to this assistant message's user message, as a new sibling.
    case regenerate(MessageID)
    /// Continue this stopped assistant message.
    case continueAnswer(MessageID)
    /// Store the fold state of a message's reasoning.
    case setReasoningFolded(MessageID, Bool)
    /// Put text on the clipboard (done by the loop, through the terminal).
    case copyToClipboard(String)
    /// Edit the message text in `$EDITOR` (done by the loop, which lends it the terminal).
    case editExternally(String)
    case quit
    /// Save these answers again (their text could not all be saved); failing that, write them to a file.
    case rescueUnsaved([Message])
    /// Browse and search: store work for the browser and the conversation list.
    case browser(BrowserEffect)
    /// Load a conversation from the store and open it, scrolled to a search hit when `focus` is given.
    case openConversation(ConversationID, focus: SearchFocus?)
    /// The per-conversation controls: saving a choice, listing models.
    case controls(ControlsEffect)
}
