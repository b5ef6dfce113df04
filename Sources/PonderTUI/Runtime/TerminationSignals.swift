import Foundation

/// Write end of the signal pipe, for the async-signal-safe handler (set once, before handlers
/// are installed).
nonisolated(unsafe) private var signalPipeWriter: Int32 = -1

/// Turns SIGTERM, SIGINT, SIGHUP and SIGWINCH into a readable byte on a pipe the event loop polls,
/// so the loop can leave normally (and the terminal is restored) or pick up a new size. The handler
/// only calls `write`. Going through the pipe matters in a multi-threaded process: a signal may be
/// delivered to any thread, and only the pipe reliably wakes the loop's `poll()`. These signals are
/// also unblocked on the calling thread, whatever mask the parent process passed down.
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
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in Self.handled + [SIGWINCH] { sigaddset(&unblocked, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for signalNumber in Self.handled + [SIGWINCH] {
            signal(signalNumber) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(signalPipeWriter, &byte, 1)
            }
        }
    }

    /// Puts the default handlers back.
    public func restore() {
        for signalNumber in Self.handled + [SIGWINCH] { signal(signalNumber, SIG_DFL) }
    }

    deinit {
        restore()
        close(descriptor)
        close(writer)
    }

    /// What arrived since the last call: the first termination signal, if any, and whether the
    /// terminal was resized.
    func received() -> (termination: Int32?, resized: Bool) {
        var byte: UInt8 = 0
        var termination: Int32?
        var resized = false
        while read(descriptor, &byte, 1) == 1 {
            if Int32(byte) == SIGWINCH {
                resized = true
            } else if termination == nil {
                termination = Int32(byte)
            }
        }
        return (termination, resized)
    }
}
