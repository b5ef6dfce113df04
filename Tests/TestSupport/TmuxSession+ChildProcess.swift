import Foundation
import PonderCore

/// Starts programs for tests with `posix_spawn`: stdin from /dev/null, no other descriptor of the
/// test process (see `ChildProcessTests`), no signal blocked and default handlers (threads of a test
/// runner often block signals, and the child — or the tmux server it starts — must not inherit that).
/// `run` waits for a short-lived command, collecting stdout and stderr together; used for tmux
/// commands, where Foundation's `Process` can wait forever on a daemonizing child.
public enum ChildProcess {
    public struct Result {
        public var status: Int32
        public var output: String
    }

    /// Which output of the child comes back through a pipe; the rest goes to /dev/null.
    public enum Capture {
        case nothing
        case stdout
        case stdoutAndStderr
    }

    /// Starts `arguments` (an absolute path first). Returns its pid and, unless capturing
    /// nothing, the read end of the pipe its output goes to (the caller closes it).
    public static func spawn(_ arguments: [String], capturing capture: Capture) throws -> (pid: pid_t, output: Int32?) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw TmuxError(message: "pipe() failed: errno \(errno)") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let output: SpawnFileActions.Stream = capture == .nothing ? .null : .descriptor(writeEnd)
        let actions = SpawnFileActions(
            input: .null, output: output, error: capture == .stdoutAndStderr ? .descriptor(writeEnd) : .null)
        let attributes = SpawnAttributes()
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], actions.pointer, attributes.pointer, &cArguments, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw TmuxError(message: "cannot start \(arguments[0]): error \(spawned)")
        }
        if capture == .nothing {
            close(readEnd)
            return (pid, nil)
        }
        return (pid, readEnd)
    }

    /// Runs a short-lived command to its end: its exit status and, when capturing, its output.
    public static func run(_ arguments: [String], capturingOutput: Bool) throws -> Result {
        let (pid, pipe) = try spawn(arguments, capturing: capturingOutput ? .stdoutAndStderr : .nothing)
        var output = Data()
        if let pipe {
            defer { close(pipe) }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(pipe, &chunk, chunk.count)
                if count > 0 {
                    output.append(contentsOf: chunk[0..<count])
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Result(status: exitStatus(status), output: String(decoding: output, as: UTF8.self))
    }

    /// A `waitpid` status as a shell reports it: the exit code, or 128 plus the signal that ended it.
    public static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
