/// Where an assistant message is in its life. User and system messages are always `.complete`.
public enum MessageStatus: String, Sendable, Codable, CaseIterable {
    /// Deltas are still arriving.
    case streaming
    /// The provider ended the response normally.
    case complete
    /// The stream stopped early (connection lost, process killed); the partial text is kept.
    case interrupted
    /// The provider reported an error; `errorText` says which.
    case failed
    /// The user cancelled; the partial text is kept.
    case cancelled

    /// True for statuses whose answer can be continued or regenerated.
    public var isIncomplete: Bool { self == .interrupted || self == .cancelled || self == .failed }
}
