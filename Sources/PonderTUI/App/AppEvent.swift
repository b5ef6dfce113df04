import PonderCore

/// Everything that can change the state. Times are monotonic seconds supplied by the loop;
/// the reducer never reads a clock.
public enum AppEvent: Equatable, Sendable {
    case input(InputEvent, at: Double)
    case resized(Size)
    /// A timer fired: deadlines up to `at` have passed.
    case tick(at: Double)
    case conversationsLoaded([Conversation])
    case providerChanged(provider: String, model: String)
    /// A message was not sent; it goes back into the editor and the reason shows in the status bar.
    case submitRejected(text: String, reason: String)
    case notice(String)
    /// Browse and search (issue 6).
    case browser(BrowserEvent)
}

/// What the reducer asks the runtime to do. Pure data, compared in tests.
public enum Effect: Equatable, Sendable {
    /// Send the editor's text as a new user message.
    case submit(String)
    case quit
    // Browse and search (issue 6).
    case browser(BrowserEffect)
    /// Show a conversation, scrolled to a search hit when `focus` is given.
    case openConversation(ConversationID, focus: SearchFocus?)
}
