import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A little disk space kept in hand: `ponder.sqlite-reserve`, 64 KB of nothing beside the database.
/// When the disk fills while an answer streams, the final save of that answer fails; marking the
/// message as not saved in full is a small write, but on a disk that is completely full even that
/// has no room. Releasing the reserve gives it room, so a message never stays `streaming` because
/// of a full disk. The reserve is made again when the store is next opened with space to spare.
extension ConversationStore {
    static let reserveBytes = 64 << 10

    var reserveURL: URL? { fileURL.map { URL(fileURLWithPath: $0.path + "-reserve") } }

    /// Makes the reserve unless it exists (one `stat` when it does); quietly does nothing without room.
    func keepReserve() {
        guard let url = reserveURL, access(url.path, F_OK) != 0 else { return }
        let descriptor = Glibc.open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let allocated = posix_fallocate(descriptor, 0, off_t(Self.reserveBytes)) == 0
        close(descriptor)
        if !allocated { unlink(url.path) }
    }

    /// Gives the reserve's space back to the disk, for a write that must not fail for want of room.
    func releaseReserve() {
        guard let url = reserveURL else { return }
        unlink(url.path)
    }
}
