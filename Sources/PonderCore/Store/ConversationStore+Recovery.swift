import Foundation

extension ConversationStore {
    /// Renames a damaged database to `<name>.corrupt-<UTC time>` (with its `-wal` and `-shm`
    /// files, so that they cannot be replayed into a fresh database) and returns the new URL.
    /// Nothing is deleted; a new store can then be opened at `url`.
    @discardableResult
    public static func moveAside(_ url: URL, now: Date = Date()) throws -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let fileManager = FileManager.default
        var destination = url.deletingLastPathComponent()
            .appendingPathComponent("\(url.lastPathComponent).corrupt-\(formatter.string(from: now))")
        var suffix = 1
        while fileManager.fileExists(atPath: destination.path) {
            suffix += 1
            destination = url.deletingLastPathComponent()
                .appendingPathComponent("\(url.lastPathComponent).corrupt-\(formatter.string(from: now))-\(suffix)")
        }
        do {
            try fileManager.moveItem(at: url, to: destination)
            for companion in ["-wal", "-shm", "-reserve"] where fileManager.fileExists(atPath: url.path + companion) {
                try fileManager.moveItem(atPath: url.path + companion, toPath: destination.path + companion)
            }
        } catch {
            throw StoreError(
                kind: .unreadable,
                message: "Could not move \(url.path) aside to \(destination.lastPathComponent): "
                    + "\(error.localizedDescription). Move it yourself; Ponder never deletes it.",
                file: url)
        }
        return destination
    }
}
