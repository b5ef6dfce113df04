import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Tells when any process writes the store's files (the database, its write-ahead log), without
/// a timer: an inotify watch on the database's folder, read by a dispatch read source on `queue`.
/// An app that nobody writes to is never woken. Writes through the shared-memory index are not
/// file writes and are not seen; every commit also writes the log, which is.
///
/// After each wake the watch is quiet for `quietPeriod` seconds: the kernel keeps the events that
/// arrive meanwhile, and they wake it once when the period ends. A streaming answer writes the log
/// several times a second, and each wake costs a dispatch source's round through libdispatch's manager
/// thread, while the app only checks the store once per period anyway.
public final class StoreFileWatcher: @unchecked Sendable {
    private struct State {
        /// The source is suspended for a quiet period.
        var quiet = false
        var stopped = false
    }

    /// Set once; dispatch sources may be suspended, resumed and cancelled from any thread.
    private let source: any DispatchSourceRead
    private let state = Mutex(State())

    /// Nil when the kernel refuses a watch (no inotify, or the user's watch limit reached);
    /// the caller then polls instead.
    public init?(
        databaseFile: URL, queue: DispatchQueue, quietPeriod: Double = 0,
        onChange: @escaping @Sendable () -> Void
    ) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE)
        guard inotify_add_watch(descriptor, databaseFile.deletingLastPathComponent().path, mask) >= 0 else {
            close(descriptor)
            return nil
        }
        let prefix = databaseFile.lastPathComponent
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        self.source = source
        let quiet = DispatchTimeInterval.nanoseconds(Int(max(0, quietPeriod) * 1_000_000_000))
        source.setEventHandler { [weak self] in
            guard Self.drain(descriptor, namesStartingWith: prefix) else { return }
            onChange()
            guard quietPeriod > 0, let self, self.beginQuietPeriod() else { return }
            queue.asyncAfter(deadline: .now() + quiet) { [weak self] in self?.endQuietPeriod() }
        }
        source.setCancelHandler { close(descriptor) }
        source.resume()
    }

    deinit { stop() }

    /// Stops watching (also done when the watcher is released).
    public func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            source.cancel()
            // A suspended source must be resumed to be cancelled and released.
            if state.quiet { source.resume() }
        }
    }

    /// Suspends the source unless the watch was stopped; true when it did.
    private func beginQuietPeriod() -> Bool {
        state.withLock { state in
            guard !state.stopped, !state.quiet else { return false }
            state.quiet = true
            source.suspend()
            return true
        }
    }

    private func endQuietPeriod() {
        state.withLock { state in
            guard state.quiet, !state.stopped else { return }
            state.quiet = false
            source.resume()
        }
    }

    /// Reads every pending event; true when one is about a file whose name starts with `prefix`.
    private static func drain(_ descriptor: Int32, namesStartingWith prefix: String) -> Bool {
        var matched = false
        let capacity = 4096
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, capacity)
            guard count > 0 else { return matched }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                if event.len > 0 {
                    let name = String(cString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self))
                    if name.hasPrefix(prefix) { matched = true }
                }
                offset = nameStart + Int(event.len)
            }
        }
    }
}
