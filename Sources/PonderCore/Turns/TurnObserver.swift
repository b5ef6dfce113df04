/// Told what a turn does, in order: `turnStarted`, then every stream event (`turnReceived`, most of
/// them on the HTTP connection's event loop thread, so it must be quick and must not block), notices
/// at any time, and `turnEnded` once the answer's row is final. A continuation the server cannot take
/// (no prefix completion) reports `answeredAsNewVersion` instead of ending, then `turnStarted` again
/// with the new version's answer.
public protocol TurnObserver: Sendable {
    /// The question and the empty answer row are saved; the request is about to go out.
    func turnStarted(_ turn: PreparedTurn)
    /// One event of the stream. Returning false stops the turn (its reader went away).
    func turnReceived(_ event: ChatStreamEvent) -> Bool
    /// Something to tell the user beside the answer.
    func turnNotice(_ notice: TurnNotice)
    /// The answer is stored with its final status.
    func turnEnded(_ end: TurnEnd)
}

extension TurnObserver {
    public func turnStarted(_ turn: PreparedTurn) {}
    public func turnNotice(_ notice: TurnNotice) {}
    public func turnEnded(_ end: TurnEnd) {}
}

/// What a turn reports beside its stream.
public enum TurnNotice: Equatable, Sendable {
    /// The local engine is starting before the request can go out (it takes a moment).
    case engineStarting
    /// The local engine is ready.
    case engineStarted
    /// Writing the answer failed (a full disk); the text is kept in memory and written again later.
    case saveFailed(StoreError)
    /// The server has no prefix completion, so the answer could not be continued: `kept` is stored
    /// again as it was before the attempt, and a new version of the answer is asked for beside it.
    case answeredAsNewVersion(kept: Message)

    /// What the user is told when a continuation is answered as a new version.
    public static let answeredAsNewVersionText =
        "This server has no prefix completion; answered again as a new version (the partial answer is kept)"
}
