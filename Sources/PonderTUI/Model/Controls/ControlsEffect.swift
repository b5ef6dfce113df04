import PonderCore

/// What the controls ask the runtime to do.
public enum ControlsEffect: Equatable, Sendable {
    /// These controls apply to the conversation's next turns (a new conversation's when nil) and are
    /// saved with it.
    case save(ConversationControls, conversation: ConversationID?)
    /// List every configured provider's models off the loop thread, within a timeout.
    case listModels
}
