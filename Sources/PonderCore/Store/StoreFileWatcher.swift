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
/// A change is told once: the watch is then taken off until `renew()`, so the writes that
/// follow (a streamed answer's flushes, several a second) wake no thread until the caller has looked.
public final class StoreFileWatcher: @unchecked Sendable {
    /// Set once; dispatch sources may be cancelled from any thread.
    private let source: any DispatchSourceRead
    private let descriptor: Int32
    private let folder: String
    /// The kernel's watch while there is one.
    private let watch = Mutex<Int32?>(nil)

    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE)

    /// Nil when the kernel refuses a watch (no inotify, or the user's watch limit reached);
    /// the caller then polls instead.
    public init?(databaseFile: URL, queue: DispatchQueue, onChange: @escaping @Sendable () -> Void) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        folder = databaseFile.deletingLastPathComponent().path
        let added = inotify_add_watch(descriptor, folder, Self.mask)
        guard added >= 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        watch.withLock { $0 = added }
        let prefix = databaseFile.lastPathComponent
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in
            guard Self.drain(descriptor, namesStartingWith: prefix) else { return }
            self?.stopWatching()
            onChange()
        }
        source.setCancelHandler { close(descriptor) }
        source.resume()
    }

    deinit { source.cancel() }

    /// Stops watching (also done when the watcher is released).
    public func stop() { source.cancel() }

    /// Watches the files again after a change was told. False when the kernel refuses the watch now;
    /// the caller then polls instead. Once stopped, there is nothing to renew. Call it on the queue the
    /// watcher reports on, where the descriptor is also closed when it stops.
    public func renew() -> Bool {
        watch.withLock { watch in
            if watch != nil || source.isCancelled { return true }
            let added = inotify_add_watch(descriptor, folder, Self.mask)
            guard added >= 0 else { return false }
            watch = added
            return true
        }
    }

    /// Whether events are waiting to be read (for tests).
    var hasPendingEvents: Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Takes the watch off; the kernel's note that it is gone is read at once, so it wakes nothing.
    private func stopWatching() {
        watch.withLock { watch in
            guard let current = watch else { return }
            inotify_rm_watch(descriptor, current)
            watch = nil
        }
        _ = Self.drain(descriptor, namesStartingWith: nil)
    }

    /// Reads every pending event; true when one is about a file whose name starts with `prefix` (with no
    /// prefix, the events are only read).
    private static func drain(_ descriptor: Int32, namesStartingWith prefix: String?) -> Bool {
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
                if let prefix, event.len > 0 {
                    let name = String(cString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self))
                    if name.hasPrefix(prefix) { matched = true }
                }
                offset = nameStart + Int(event.len)
            }
        }
    }
}
