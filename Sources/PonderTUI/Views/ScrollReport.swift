import PonderCore

/// What the views worked out about scrolling while drawing a frame: where a paused (or jumped)
/// pane really is, after clamping to its text and resolving a jump, and how many lines it has.
/// The loop feeds it back to the reducer (`AppEvent.scrollResolved`), so the next key moves
/// from what is on screen. Panes following their live end report nothing.
public struct ScrollReport: Hashable, Sendable {
    /// A pane's position: lines hidden below the view, and lines in all at the text's width.
    public struct Position: Hashable, Sendable {
        public var fromBottom: Int
        public var drawnLines: DrawnLines

        public init(fromBottom: Int, drawnLines: DrawnLines) {
            self.fromBottom = fromBottom
            self.drawnLines = drawnLines
        }
    }

    /// A transcript row that a click acts on: the message shown there, and whether the row is
    /// its fold header.
    public struct Row: Hashable, Sendable {
        public var y: Int
        public var messageID: MessageID
        public var isFoldHeader: Bool

        public init(y: Int, messageID: MessageID, isFoldHeader: Bool) {
            self.y = y
            self.messageID = messageID
            self.isFoldHeader = isFoldHeader
        }
    }

    public var transcript: Position?
    public var thinking: Position?
    /// True when the frame brought the pending `PaneScroll.jump` into view.
    public var jumped = false
    /// The transcript's rows on screen that belong to assistant messages.
    public var transcriptRows: [Row] = []
    /// The search match a pane chose as the current one, starting from what it shows
    /// (`FindState.startsFromView`): an index into `FindState.matches`.
    public var findCurrent: Int?
    /// The thinking panel's trace outline and moves, when it drew a trace.
    public var trace: TraceReport?

    public init(transcript: Position? = nil, thinking: Position? = nil, jumped: Bool = false) {
        self.transcript = transcript
        self.thinking = thinking
        self.jumped = jumped
    }

    /// Nothing to report.
    public var isEmpty: Bool {
        transcript == nil && thinking == nil && !jumped && transcriptRows.isEmpty && findCurrent == nil
            && trace == nil
    }

    /// The position a paused pane shows: `fromBottom` plus the lines that arrived since the last
    /// frame (so the text stays put), clamped to the text. `known` is the line count last drawn.
    static func paused(fromBottom: Int, known: Int?, total: Int, height: Int) -> Int {
        let grown = max(0, total - (known ?? total))
        return min(max(0, total - height), max(0, fromBottom + grown))
    }

    /// The position that shows line `line` of `total` in the middle of a view `height` rows high.
    static func centring(line: Int, total: Int, height: Int) -> Int {
        min(max(0, total - height), max(0, total - (line + 1 + height / 2)))
    }
}
