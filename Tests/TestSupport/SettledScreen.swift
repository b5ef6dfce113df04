/// Picks which captured screen a wait returns. tmux reads a program's output in pieces of at most
/// 4 KB and can answer `capture-pane` between two pieces, so a capture can hold the top rows of a
/// new frame over the bottom rows of the old one (about one capture in 200 of a 13 KB frame redrawn
/// at 33 Hz, measured in tmux 3.3a). A predicate met by the new top rows would then hand back an old
/// status bar. So a screen that meets the predicate is taken once the next capture is the same, the
/// frame whole. A screen that keeps changing is taken after a few captures that all meet the
/// predicate, and a state that shows only briefly is taken as it was seen, as before.
public struct SettledScreen {
    /// Captures in a row that may all meet the predicate and differ before the latest is taken.
    public static let movingLimit = 4
    private var candidate: String?
    private var moving = 0

    public init() {}

    /// The last screen that met the predicate, for a wait whose time ran out before it settled.
    public var lastMet: String? { candidate }

    /// The screen to return after this capture, or nil to capture again.
    public mutating func next(_ screen: String, meets: Bool) -> String? {
        guard let seen = candidate else {
            if meets { candidate = screen }
            return nil
        }
        guard meets else { return seen }
        if screen == seen { return screen }
        moving += 1
        candidate = screen
        return moving >= Self.movingLimit ? screen : nil
    }
}
