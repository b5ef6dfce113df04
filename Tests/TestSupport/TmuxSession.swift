import Foundation

/// Drives a program inside a private tmux server (`tmux -L <unique socket>`) for end-to-end
/// tests: start it with a command and environment at a fixed size, send keys, resize, capture
/// the pane, and wait for screen conditions with bounded polls.
public final class TmuxSession {
    public let socket: String
    public let target = "main"
    /// The tmux server and the pane's first process, killed outright by `kill()` if they outlive
    /// `kill-server` (children of a test runner can inherit a mask that blocks SIGHUP).
    private var serverPID: pid_t?
    private var panePIDAtStart: pid_t?

    /// Starts `command` (run by `sh -c`) in a new detached session of `width` x `height`.
    /// `environment` is added to the command's environment (TERM defaults to xterm-256color).
    public init(
        command: String, environment: [String: String] = [:], width: Int = 80, height: Int = 24,
        workingDirectory: String? = nil
    ) throws {
        socket = "ponder-\(getpid())-\(UUID().uuidString.prefix(8))"
        var variables = ["TERM": "xterm-256color"]
        variables.merge(environment) { $1 }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuoted($0.value))" }
        let shellCommand = "exec env " + assignments.joined(separator: " ") + " " + command
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
        if let workingDirectory { arguments += ["-c", workingDirectory] }
        // Keep the pane after the command exits, set in the same tmux command as the session: a command
        // that exits at once (`ponder show`) could otherwise end the server before a second command ran.
        arguments += [shellCommand, ";", "set-option", "-t", target, "remain-on-exit", "on"]
        try tmux(arguments, capturingOutput: false)
        serverPID = Int32(try format("#{pid}"))
        panePIDAtStart = Int32(try format("#{pane_pid}"))
    }

    deinit { kill() }

    /// Sends tmux key names (`Enter`, `C-q`, `F1`, `Escape`, …).
    public func sendKeys(_ keys: String...) throws { try sendKeys(keys) }

    /// Sends tmux key names (or `-H` and hex bytes) in one command.
    public func sendKeys(_ keys: [String]) throws { try tmux(["send-keys", "-t", target] + keys) }

    /// Sends text literally, as if typed.
    public func sendLiteral(_ text: String) throws { try tmux(["send-keys", "-t", target, "-l", "--", text]) }

    /// Pastes text through tmux's paste buffer (bracketed when the program asked for it).
    public func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "ponder-test", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "ponder-test", "-t", target])
    }

    /// Pastes the contents of a file through tmux's paste buffer: with the paste brackets when
    /// `bracketed` (and the program asked for them), else as plain typed-in bytes.
    public func pasteFile(_ path: String, bracketed: Bool) throws {
        try tmux(["load-buffer", "-b", "ponder-file", path])
        try tmux(["paste-buffer"] + (bracketed ? ["-p"] : []) + ["-d", "-b", "ponder-file", "-t", target])
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible pane as text, one line per row (trailing blanks trimmed by tmux).
    public func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", target]) }

    /// A tmux format value for the pane, e.g. `#{alternate_on}` or `#{pane_pid}`.
    public func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds on a whole frame (see `SettledScreen`); throws with the
    /// last screen when it never does. `wholeFrame: false` returns the first capture that meets it, for
    /// a benchmark that times when something first shows (waiting for the next capture would add a poll).
    @discardableResult
    public func waitFor(
        _ description: String, timeout: Double = 20, wholeFrame: Bool = true, _ predicate: (String) -> Bool
    ) throws -> String {
        var last = ""
        var settled = SettledScreen()
        var taken: String?
        _ = try Poll.until(timeout: timeout) {
            last = try capture()
            let meets = predicate(last)
            taken = wholeFrame ? settled.next(last, meets: meets) : (meets ? last : nil)
            return taken != nil
        }
        // A screen that met the predicate just before the time ran out still counts.
        guard let taken = taken ?? settled.lastMet else {
            throw TmuxError(message: "timed out waiting for \(description); screen:\n\(last)" + ponderReport())
        }
        return taken
    }

    /// What a `ponder` running in the pane (as its program or the shell's child) is doing: its threads
    /// and the end of its log, for a failure message. Empty when none runs.
    public func ponderReport() -> String {
        guard let pane = try? panePID() else { return "" }
        let ponder = ([pane] + ProcessTable.children(of: pane)).first { pid in
            ProcessTable.arguments(of: pid).first.map { URL(fileURLWithPath: $0).lastPathComponent == "ponder" }
                ?? false
        }
        return ponder.map { "\n" + Self.report(onPonder: $0) } ?? ""
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitFor(text: String, timeout: Double = 20, wholeFrame: Bool = true) throws -> String {
        try waitFor("'\(text)'", timeout: timeout, wholeFrame: wholeFrame) { $0.contains(text) }
    }

    /// The pid of the program started in the pane.
    public func panePID() throws -> Int32 {
        guard let pid = Int32(try format("#{pane_pid}")) else { throw TmuxError(message: "no pane pid") }
        return pid
    }

    /// Stops the tmux server and everything in it.
    public func kill() {
        _ = try? tmux(["kill-server"])
        for pid in [panePIDAtStart, serverPID].compactMap({ $0 }) where pid > 1 {
            _ = Glibc.kill(pid, SIGKILL)
        }
        panePIDAtStart = nil
        serverPID = nil
    }

    /// Runs one tmux command and returns its output. The command that starts the server does
    /// not capture output: the server would inherit the pipe and hold it open for its whole life.
    @discardableResult
    func tmux(_ arguments: [String], capturingOutput: Bool = true) throws -> String {
        let result = try ChildProcess.run(
            ["/usr/bin/env", "tmux", "-L", socket] + arguments, capturingOutput: capturingOutput)
        guard result.status == 0 else {
            throw TmuxError(message: "tmux \(arguments.first ?? "") failed (\(result.status)): \(result.output)")
        }
        return result.output
    }

    public static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A failed tmux command or an unmet screen condition.
public struct TmuxError: Error, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
