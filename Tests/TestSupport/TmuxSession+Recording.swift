import Foundation

/// Recording what a program writes to its terminal: tmux's `pipe-pane -O` copies every byte the
/// pane's program writes, before tmux interprets any of it, to a command — here `cat` into a
/// file. The pane still shows the screen, so a test can wait for screen conditions and then check
/// the exact bytes that built them.
extension TmuxSession {
    /// Starts copying the pane's output to `path` (appending).
    public func recordOutput(to path: String) throws {
        try tmux(["pipe-pane", "-O", "-t", target, "exec cat >>" + Self.shellQuoted(path)])
    }
}
