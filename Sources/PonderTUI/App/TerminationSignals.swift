import Foundation

/// Write end of the signal pipe, for the async-signal-safe handler (set once, before handlers
/// are installed).
nonisolated(unsafe) private var signalPipeWriter: Int32 = -1

/// Turns SIGTERM, SIGINT and SIGHUP into a readable byte on a pipe the event loop polls, so
/// the loop can leave normally and the terminal is restored. The handler only calls `write`.
public final class TerminationSignals {
    public static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP]
    let descriptor: Int32
    private let writer: Int32

    public init() {
        var fds: [Int32] = [0, 0]
        if pipe(&fds) != 0 { fatalError("pipe() failed: errno \(errno)") }
        descriptor = fds[0]
        writer = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        signalPipeWriter = writer
        for signalNumber in Self.handled {
            signal(signalNumber) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(signalPipeWriter, &byte, 1)
            }
        }
    }

    /// Puts the default handlers back.
    public func restore() {
        for signalNumber in Self.handled { signal(signalNumber, SIG_DFL) }
    }

    deinit {
        restore()
        close(descriptor)
        close(writer)
    }

    /// The first signal received since the last call, if any.
    func received() -> Int32? {
        var byte: UInt8 = 0
        var first: Int32?
        while read(descriptor, &byte, 1) == 1 {
            if first == nil { first = Int32(byte) }
        }
        return first
    }
}
