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
        let (child, output) = try ChildProcess.spawn(
            [executable, "--port", "0"] + arguments, capturing: .stdout)
        guard let output else { throw TmuxError(message: "no output pipe from \(executable)") }
        defer { close(output) }
        pid = child
        var line = Data()
        var byte: UInt8 = 0
        while read(output, &byte, 1) == 1, byte != 0x0A { line.append(byte) }
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
