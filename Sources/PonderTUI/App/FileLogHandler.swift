import Foundation
import Logging

/// A swift-log handler appending one line per message to a file (`ponder.log`), so nothing is
/// printed while curses owns the screen. All handlers made by one `factory` share the file.
public struct FileLogHandler: LogHandler {
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private let descriptor: Int32

        init(path: String) {
            let directory = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        }

        func write(_ line: String) {
            guard descriptor >= 0 else { return }
            var bytes = Array(line.utf8)
            lock.lock()
            _ = Foundation.write(descriptor, &bytes, bytes.count)
            lock.unlock()
        }
    }

    private let label: String
    private let sink: Sink
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    /// A factory for `LoggingSystem.bootstrap` writing to `path` (its directory is created).
    public static func factory(path: String) -> @Sendable (String) -> FileLogHandler {
        let sink = Sink(path: path)
        return { label in FileLogHandler(label: label, sink: sink) }
    }

    private init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let details = merged.isEmpty ? "" : " " + merged.map { "\($0)=\($1)" }.sorted().joined(separator: " ")
        let time = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime])
        sink.write("\(time) \(event.level) \(label): \(event.message)\(details)\n")
    }
}
