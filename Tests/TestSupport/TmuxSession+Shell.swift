import Foundation
import PonderCore

/// The usual end-to-end set-up: an interactive shell in tmux from which `ponder` is started,
/// quit, and started again (to check what survives a restart).
extension TmuxSession {
    /// A plain `bash` (no rc files, prompt `$ `) in `directory` with `environment`, ready for input.
    public static func shell(
        environment: [String: String], width: Int, height: Int, directory: String
    ) throws -> TmuxSession {
        var environment = environment
        environment["PS1"] = "$ "
        let session = try TmuxSession(
            command: "bash --norc --noprofile -i", environment: environment, width: width, height: height,
            workingDirectory: directory)
        try session.waitFor(text: "$")
        return session
    }

    /// Runs `ponder` from the shell and waits until it owns the alternate screen with its layout.
    public func startPonder(_ ponder: URL, arguments: String = "") throws {
        try sendLiteral(arguments.isEmpty ? ponder.path : ponder.path + " " + arguments)
        try sendKeys("Enter")
        try waitFor(text: "Message")
        try waitFor("the alternate screen") { _ in (try? self.format("#{alternate_on}")) == "1" }
    }

    /// Presses `key` (Ctrl-Q, or the key that confirms a quit already asked for), then waits until the
    /// shell has the normal screen back. When it does not come back, the error also says what the
    /// `ponder` is doing (see `report(onPonder:)`).
    public func quitPonder(with key: String = "C-q", timeout: Double = 20) throws {
        let ponder = ProcessTable.children(of: try panePID()).first
        try sendKeys(key)
        do {
            try waitFor("the shell back", timeout: timeout) { screen in
                (try? self.format("#{alternate_on}")) == "0" && !screen.contains("Message")
            }
        } catch let error as TmuxError {
            // The wait's message already reports on a ponder that still runs; `report` says when it exited.
            guard let ponder else { throw TmuxError(message: error.message + "\nno ponder was found under the shell") }
            if ProcessTable.isAlive(ponder) { throw error }
            throw TmuxError(message: error.message + "\n" + Self.report(onPonder: ponder))
        }
    }

    /// Whether the `ponder` with `pid` is still there and, if so, its threads and the end of its log
    /// (found through the process's own environment).
    static func report(onPonder pid: pid_t) -> String {
        guard ProcessTable.isAlive(pid) else { return "ponder \(pid) has exited" }
        let environment = Dictionary(
            ProcessTable.environment(of: pid).compactMap { entry -> (String, String)? in
                guard let equals = entry.firstIndex(of: "=") else { return nil }
                return (String(entry[..<equals]), String(entry[entry.index(after: equals)...]))
            }
        ) { first, _ in first }
        let log = XDGPaths(environment: environment).logFile
        let lines = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(20)
        return "ponder \(pid) still runs: \(ProcessTable.threadStates(of: pid))\nthe end of \(log.path):\n"
            + lines.joined(separator: "\n")
    }
}
