/// How long a running stream has sent nothing. The reducer never reads a clock, so the loop's timer
/// checks once a second (`nextCheck`): a check that follows new data starts the quiet time there, and
/// later checks count the whole seconds since. The count can run up to a second short, never long.
public struct StreamSilence: Equatable, Sendable {
    /// Data arrived since the last check.
    public var heard = true
    /// When (monotonic seconds) the first check after the latest data ran.
    public var quietSince: Double?
    /// Whole seconds without data at the latest check.
    public var seconds = 0
    /// When the next check is due (monotonic seconds); the first one runs at once.
    public var nextCheck: Double = 0

    /// Seconds of silence before the status bar says so: a model may pause briefly between steps.
    public static let shownAfter = 3
    /// Time between checks.
    public static let checkInterval = 1.0

    public init() {}

    /// Data arrived.
    public mutating func heardData() {
        heard = true
        seconds = 0
    }

    /// The check due at `nextCheck`, run at `now`.
    public mutating func check(at now: Double) {
        if heard || quietSince == nil {
            heard = false
            quietSince = now
            seconds = 0
        } else if let quietSince {
            seconds = Int(now - quietSince)
        }
        nextCheck = now + Self.checkInterval
    }

    /// The seconds to show, when the silence has lasted long enough to mention.
    public var shownSeconds: Int? { seconds >= Self.shownAfter ? seconds : nil }
}
