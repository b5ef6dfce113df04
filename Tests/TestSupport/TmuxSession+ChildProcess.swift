import Foundation
import PonderCore

/// Starts programs for tests with `posix_spawn`: stdin from /dev/null, no signal blocked and
/// default handlers (threads of a test runner often block signals, and the child — or the tmux
/// server it starts — must not inherit that). `run` waits for a short-lived command, collecting
/// stdout and stderr together; used for tmux commands, where Foundation's `Process` can wait
/// forever on a daemonizing child.
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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture == .nothing {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        }
        if capture == .stdoutAndStderr {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let attributes = SpawnAttributes()
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, attributes.pointer, &cArguments, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw TmuxError(message: "cannot start \(arguments[0]): error \(spawned)")
        }
        if capture == .nothing {
            close(fds[0])
            return (pid, nil)
        }
        return (pid, fds[0])
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
