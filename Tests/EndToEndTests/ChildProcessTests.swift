import Foundation
import TestSupport
import Testing

/// The programs the tests start (tmux servers and clients, fake servers) inherit nothing but their
/// standard streams. Tests run in parallel: a descriptor another test holds at that moment, such as the
/// pipe of a `tmux capture-pane` in flight, would otherwise live as long as the program. A tmux server
/// keeps what it inherits, so the capture then waited for the end of its pipe until that other test
/// stopped its server, and a screen wait timed out on a screen from long before.
@Suite struct ChildProcessTests {
    @Test func aStartedProgramHoldsOnlyItsStandardStreams() throws {
        let other = try OpenPipe()
        let child = try ChildProcess.spawn(["/bin/sleep", "30"], capturing: .nothing)
        defer { stop(child.pid) }
        let held = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(child.pid)/fd")
        #expect(Set(held) == ["0", "1", "2"], "another thread's pipe is \(other.descriptors)")
    }

    @Test func aPipeOpenWhileAProgramStartsEndsWhenItsWriterCloses() throws {
        // The moment another test's `tmux capture-pane` spends between making its pipe and closing
        // the pipe's write end once the client has started.
        let capture = try OpenPipe()
        let server = try ChildProcess.spawn(["/bin/sleep", "30"], capturing: .nothing)
        defer { stop(server.pid) }
        capture.close(1)
        var entry = pollfd(fd: capture.descriptors[0], events: Int16(POLLIN), revents: 0)
        var byte: UInt8 = 0
        let ready = poll(&entry, 1, 10_000)
        #expect(ready == 1 && read(capture.descriptors[0], &byte, 1) == 0, "the end, not a wait for the program")
    }

    private func stop(_ pid: pid_t) {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

/// A pipe opened without close-on-exec, as any other part of the process may hold one.
private final class OpenPipe {
    /// Read and write ends; an end closed by the test is set to -1.
    var descriptors: [Int32]

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw TmuxError(message: "pipe() failed: errno \(errno)") }
        descriptors = fds
    }

    func close(_ index: Int) {
        Glibc.close(descriptors[index])
        descriptors[index] = -1
    }

    deinit { descriptors.filter { $0 >= 0 }.forEach { Glibc.close($0) } }
}
