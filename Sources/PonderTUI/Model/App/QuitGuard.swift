import PonderCore

/// What stands between Ctrl-Q and leaving: an answer still streaming (a second Ctrl-Q confirms), and
/// answers whose text could not be saved (a full disk), which quitting first tries to save again and
/// otherwise writes to a file, naming it, before a second Ctrl-Q leaves.
public struct QuitGuard: Equatable, Sendable {
    /// An answer that arrived in full on screen but not in the store.
    public struct Unsaved: Equatable, Sendable {
        /// Characters that are on screen and missing from the stored copy.
        public var characters: Int
        /// The status the answer would have had if it had been saved (its stream's own ending).
        public var status: MessageStatus
        /// The stream's own error text, if it failed.
        public var errorText: String?

        public init(characters: Int, status: MessageStatus, errorText: String?) {
            self.characters = characters
            self.status = status
            self.errorText = errorText
        }
    }

    /// What the first Ctrl-Q started; the next Ctrl-Q quits.
    public enum Confirmation: Equatable, Sendable {
        /// An answer is streaming; confirmed until `until` (monotonic seconds).
        case streaming(until: Double)
        /// The unsaved answers are being saved again or written to a file.
        case rescuing
        /// The rescue is done (its outcome is in the status bar).
        case rescued
    }

    public var unsaved: [MessageID: Unsaved] = [:]
    public var confirmation: Confirmation?

    /// How long the confirmation for quitting during a stream lasts.
    public static let streamingWindow = 3.0

    public init() {}

    /// When the streaming confirmation lapses, for the loop's timer.
    public var deadline: Double? {
        if case .streaming(let until) = confirmation { return until }
        return nil
    }
}

/// How saving the unsaved answers again went (the store worker's report).
public enum UnsavedRescue: Equatable, Sendable {
    /// Saved in the store after all.
    case saved([MessageID])
    /// The store still refused them; their text was written to this file.
    case written([MessageID], path: String, reason: String)
    /// Neither worked: the reasons, for the status bar and the log.
    case failed(reason: String)
}
