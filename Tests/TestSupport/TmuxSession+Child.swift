import Foundation

extension TmuxSession {
    /// The first child of the pane's process (e.g. the `ponder` a shell or script started),
    /// waited for up to 10 s.
    public func paneChildPID() throws -> pid_t {
        let parent = try panePID()
        var found: pid_t?
        _ = Poll.until(timeout: 10) {
            found = ProcessTable.children(of: parent).first
            return found != nil
        }
        guard let found else { throw TmuxError(message: "no process under the pane's \(parent)") }
        return found
    }
}
