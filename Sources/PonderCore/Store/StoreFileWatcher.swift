import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells when any process writes the store's files (the database, its write-ahead log), without
/// a timer: an inotify watch on the database's folder, read by a dispatch read source on `queue`.
/// An app that nobody writes to is never woken. Writes through the shared-memory index are not
/// file writes and are not seen; every commit also writes the log, which is.
public final class StoreFileWatcher: @unchecked Sendable {
    /// Set once; dispatch sources may be cancelled from any thread.
    private let source: any DispatchSourceRead

    /// Nil when the kernel refuses a watch (no inotify, or the user's watch limit reached);
    /// the caller then polls instead.
    public init?(databaseFile: URL, queue: DispatchQueue, onChange: @escaping @Sendable () -> Void) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE)
        guard inotify_add_watch(descriptor, databaseFile.deletingLastPathComponent().path, mask) >= 0 else {
            close(descriptor)
            return nil
        }
        let prefix = databaseFile.lastPathComponent
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler {
            if Self.drain(descriptor, namesStartingWith: prefix) { onChange() }
        }
        source.setCancelHandler { close(descriptor) }
        source.resume()
    }

    deinit { source.cancel() }

    /// Stops watching (also done when the watcher is released).
    public func stop() { source.cancel() }

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
