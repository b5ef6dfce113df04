import Foundation
import PonderCore

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program with a pseudo-terminal as its standard input, output and error, and collects
/// every byte it wrote there — what a terminal would have received. For checking that text which
/// reaches a terminal is made safe (programs sanitise only when writing to a terminal).
public enum PseudoTerminal {
    public struct Result: Sendable {
        public var status: Int32
        /// Everything written to the terminal, stdout and stderr interleaved as they came. The
        /// terminal's output processing turns each newline into CR LF.
        public var output: [UInt8]

        public var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// glibc's pseudo-terminal calls, which its Swift module leaves out (they need _XOPEN_SOURCE).
    private static func libc<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// Opens a new pseudo-terminal: its controlling side and the path of the side a program gets.
    private static func open() throws -> (master: Int32, slavePath: String) {
        typealias IntCall = @convention(c) (Int32) -> Int32
        typealias NameCall = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        guard let openpt = libc("posix_openpt", as: IntCall.self), let grant = libc("grantpt", as: IntCall.self),
            let unlock = libc("unlockpt", as: IntCall.self), let name = libc("ptsname_r", as: NameCall.self)
        else { throw TmuxError(message: "the C library has no pseudo-terminal calls") }
        let master = openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var path = [CChar](repeating: 0, count: 128)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, name(master, &path, path.count) == 0 else {
            throw TmuxError(message: "cannot open a pseudo-terminal: errno \(errno)")
        }
        let bytes = path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (master, String(decoding: bytes, as: UTF8.self))
    }

    /// Runs `arguments` (an absolute path first) in `environment` on a new pseudo-terminal.
    public static func run(_ arguments: [String], environment: [String: String], timeout: Double = 60) throws
        -> Result
    {
        let (master, slavePath) = try open()
        defer { close(master) }
        let actions = SpawnFileActions(
            input: .file(slavePath, flags: O_RDWR), output: .descriptor(0), error: .descriptor(0))
        let attributes = SpawnAttributes(group: .newSession)
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in cEnvironment { free(variable) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], actions.pointer, attributes.pointer, &cArguments, &cEnvironment)
        guard spawned == 0 else { throw TmuxError(message: "cannot start \(arguments[0]): error \(spawned)") }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var exited = false
        while Date() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 50) > 0 {
                let count = read(master, &chunk, chunk.count)
                if count > 0 {
                    output += chunk[0..<count]
                    continue
                }
                if count < 0 && errno == EINTR { continue }
                // EIO: every process holding the terminal has closed it.
                if exited { break }
            }
            if !exited, waitpid(pid, &status, WNOHANG) == pid { exited = true }
            if exited && poll(&poller, 1, 0) <= 0 { break }
        }
        if !exited {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            throw TmuxError(message: "\(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        return Result(status: ChildProcess.exitStatus(status), output: output)
    }
}
