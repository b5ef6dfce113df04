import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an `api_key_cmd` with `/bin/sh -c`: standard input from /dev/null, standard output read
/// (the key is its first line), standard error thrown away — it can hold a password prompt or the
/// key itself, so it is never shown, logged or stored. The command holds no other descriptor of
/// ponder's, and runs in its own process group, so a timeout stops everything it started, not only
/// the shell.
enum KeyCommand {
    enum Outcome: Equatable {
        /// Exited with status 0; everything it printed on standard output.
        case printed(String)
        /// Exited with a status other than 0.
        case failed(status: Int32)
        /// Killed by a signal.
        case killed(signal: Int32)
        /// Still running after the timeout; it was stopped.
        case timedOut
        /// The shell could not be started.
        case notStarted(String)
    }

    /// At most this much of standard output is kept.
    static let outputLimit = 64 << 10

    static func run(_ command: String, timeout: Double) -> Outcome {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return .notStarted(String(cString: strerror(errno))) }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let actions = SpawnFileActions(input: .null, output: .descriptor(writeEnd), error: .null)
        let attributes = SpawnAttributes(group: .own)
        let words: [String] = ["/bin/sh", "-c", command]
        var arguments = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", actions.pointer, attributes.pointer, &arguments, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            return .notStarted(String(cString: strerror(spawned)))
        }
        let deadline = Date().addingTimeInterval(timeout)
        let output = readAll(readEnd, until: deadline)
        close(readEnd)
        guard let status = wait(for: pid, until: deadline) else {
            kill(-pid, SIGKILL)
            var ignored: Int32 = 0
            while waitpid(pid, &ignored, 0) < 0 && errno == EINTR {}
            return .timedOut
        }
        if status & 0x7F != 0 { return .killed(signal: status & 0x7F) }
        let exitStatus = (status >> 8) & 0xFF
        return exitStatus == 0 ? .printed(String(decoding: output, as: UTF8.self)) : .failed(status: exitStatus)
    }

    /// Reads `descriptor` until end of file or `deadline`, keeping at most `outputLimit` bytes.
    private static func readAll(_ descriptor: Int32, until deadline: Date) -> [UInt8] {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { break }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000, 1000).rounded(.up)))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if output.count < outputLimit { output += chunk[0..<min(count, outputLimit - output.count)] }
        }
        return output
    }

    /// The raw wait status once `pid` exits, or nil when it is still running at `deadline`.
    private static func wait(for pid: pid_t, until deadline: Date) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return status }
            if result < 0 && errno != EINTR { return 0 }
            if Date() >= deadline { return nil }
            usleep(10_000)
        }
    }
}
