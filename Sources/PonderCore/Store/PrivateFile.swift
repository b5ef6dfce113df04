import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files that hold conversation text: created new (never replacing one) with mode 0600, like the
/// store, because what they hold is as private as the store itself.
public enum PrivateFile {
    /// Writes `data` to a new file at `url` readable and writable by the owner only. Throws when
    /// the file exists or cannot be written (a partly written file is removed).
    public static func create(_ data: Data, at url: URL) throws {
        let descriptor = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(url) }
        defer { close(descriptor) }
        var failed = false
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        if failed {
            let error = failure(url)
            unlink(url.path)
            throw error
        }
    }

    /// Writes `data` to `url`, replacing a file that is there, through a new owner-only file in the
    /// same folder renamed into place: a reader never sees half a file, and the result is 0600 whatever
    /// the file had before.
    public static func replace(_ data: Data, at url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).partial")
        try create(data, at: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let error = failure(url)
            unlink(temporary.path)
            throw error
        }
    }

    private static func failure(_ url: URL) -> NSError {
        let code = errno
        return NSError(
            domain: NSPOSIXErrorDomain, code: Int(code),
            userInfo: [NSLocalizedDescriptionKey: "\(url.path): \(String(cString: strerror(code)))"])
    }
}
