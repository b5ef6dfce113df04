import PonderCore

/// How the thinking panel shows its trace: the full text or the outline (one line per step), the
/// step chosen in the outline, the place last jumped to, and a jump asked for but not yet drawn.
public struct TraceReading: Hashable, Sendable {
    /// The panel shows the outline instead of the text.
    public var outlineOpen = false
    /// The outline's chosen step; nil follows the newest step.
    public var outlineSelection: Int?
    /// A move through the trace for the next frame to carry out (only the views hold the steps).
    public var move: TraceMove?
    /// When the move was asked for (monotonic seconds), for the notice when there is nowhere to go.
    public var moveAskedAt = 0.0
    /// The place last jumped to, which the next jump starts from while it is on screen.
    public var cursor: TraceCursor?
    /// The steps of the panel's trace when last drawn.
    public var stepCount = 0

    public init() {}
}

/// A place in the reasoning of one message.
public struct TraceCursor: Hashable, Sendable {
    public var messageID: MessageID
    public var utf8Offset: Int

    public init(messageID: MessageID, utf8Offset: Int) {
        self.messageID = messageID
        self.utf8Offset = utf8Offset
    }
}

/// A move through the trace shown in the thinking panel.
public enum TraceMove: Hashable, Sendable {
    case previousStep
    case nextStep
    case previousReflection
    case nextReflection
    /// Opens the full text at step `index` (Enter in the outline).
    case step(Int)
    /// Shows the place at `utf8Offset` (a click on the map strip): the text there, or its step
    /// chosen in the outline.
    case select(utf8Offset: Int)
}

/// What the thinking panel worked out about the trace in the last frame, fed back to the reducer.
public struct TraceReport: Hashable, Sendable {
    /// The steps of the trace drawn.
    public var stepCount: Int
    /// Where a move landed.
    public var cursor: TraceCursor?
    /// The outline's selection after a move in the outline.
    public var outlineSelection: Int?
    /// True when the frame carried out `TraceReading.move`.
    public var moved: Bool
    /// What to tell the reader when the move had nowhere to go.
    public var missed: String?

    public init(
        stepCount: Int, cursor: TraceCursor? = nil, outlineSelection: Int? = nil, moved: Bool = false,
        missed: String? = nil
    ) {
        self.stepCount = stepCount
        self.cursor = cursor
        self.outlineSelection = outlineSelection
        self.moved = moved
        self.missed = missed
    }
}

extension AppState {
    /// The answers the effort view lists: every answer of the conversation (all versions),
    /// oldest first.
    public var effortAnswers: [AnswerEffort] { AnswerEffort.answers(in: messages) }
}
