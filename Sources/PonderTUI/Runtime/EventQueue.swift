import Foundation

/// The merged event queue. Any thread or task may `post`; the loop thread drains it after the
/// wake pipe (which `post` writes to) makes `poll()` return.
public final class EventQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [AppEvent] = []
    /// Read end of the wake pipe, polled by the loop.
    let wakeDescriptor: Int32
    private let wakeWriter: Int32

    public init() {
        var fds: [Int32] = [0, 0]
        if pipe(&fds) != 0 { fatalError("pipe() failed: errno \(errno)") }
        wakeDescriptor = fds[0]
        wakeWriter = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        close(wakeDescriptor)
        close(wakeWriter)
    }

    /// Adds an event and wakes the loop (once per batch: the pipe holds at most one byte per drain).
    public func post(_ event: AppEvent) {
        lock.lock()
        let wasEmpty = pending.isEmpty
        pending.append(event)
        lock.unlock()
        if wasEmpty {
            var byte: UInt8 = 1
            _ = write(wakeWriter, &byte, 1)
        }
    }

    /// Everything posted so far, oldest first.
    func drain() -> [AppEvent] {
        var sink = [UInt8](repeating: 0, count: 64)
        while read(wakeDescriptor, &sink, sink.count) > 0 {}
        lock.lock()
        defer {
            pending.removeAll(keepingCapacity: true)
            lock.unlock()
        }
        return pending
    }
}
