import Foundation
import TestSupport

/// The `ponder-fake-server` executable running on a free port for one test; stopped with SIGTERM
/// when the value goes away.
final class FakeServerProcess {
    let pid: pid_t
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts the server and reads the port from its first stdout line (`listening on http://…`).
    init(arguments: [String] = []) throws {
        let executable = try BuildProducts.executable("ponder-fake-server").path
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw TmuxError(message: "pipe() failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable, "--port", "0"] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw TmuxError(message: "cannot start \(executable): error \(spawned)") }
        pid = child
        var line = Data()
        var byte: UInt8 = 0
        while read(fds[0], &byte, 1) == 1, byte != 0x0A { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else {
            kill(child, SIGKILL)
            throw TmuxError(message: "ponder-fake-server said \(text.debugDescription) instead of its address")
        }
        self.port = port
    }

    deinit {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
