import PonderCore

/// Everything that can change the state. Times are monotonic seconds supplied by the loop;
/// the reducer never reads a clock.
public enum AppEvent: Equatable, Sendable {
    case input(InputEvent, at: Double)
    case resized(Size)
    /// A timer fired: deadlines up to `at` have passed.
    case tick(at: Double)
    case providerChanged(provider: String, model: String)
    /// A message was not sent; it goes back into the editor and the reason shows in the status bar.
    case submitRejected(text: String, reason: String)
    case notice(String)
    /// Earlier prompts from the store, newest first, for Up in the editor.
    case promptsLoaded([String])
    /// The message text came back from `$EDITOR`.
    case editorTextEdited(String)
    /// The notice with this text no longer applies (the local engine finished starting): cleared
    /// if it is still the one shown, so the status bar shows what is happening again.
    case noticeEnded(String)
    /// A conversation and its messages, loaded from the store, become the open one.
    case conversationOpened(Conversation, [Message])
    /// The runtime saved the user message (nil when regenerating or continuing) and the assistant
    /// row (empty, or the partial answer being continued) and is sending the request.
    case streamStarted(conversation: Conversation, user: Message?, assistant: Message)
    /// Merged deltas of the streaming message.
    case streamUpdated(StreamUpdate)
    /// Saving the answers that could not be saved, asked for by quitting, is done.
    case unsavedRescued(UnsavedRescue)
    /// The stream ended and the answer is stored with this status and error text.
    case streamEnded(TurnEnd)
    /// The answer being continued could not be (the server has no prefix completion): it is back as
    /// it was stored, and a new version answers instead; the notice says so.
    case streamSetAside(Message, notice: String)
    /// The positions the panes were drawn at (clamped, jumps resolved), from the last frame.
    case scrollResolved(ScrollReport)

    /// Browse and search.
    case browser(BrowserEvent)
    /// The per-conversation controls: the model lists.
    case controls(ControlsEvent)
}
