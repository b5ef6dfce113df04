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
        sink.write("\(Self.timestamp(time(nil))) \(event.level) \(label): \(event.message)\(details)\n")
    }

    /// Local time as RFC 3339 (`2026-05-01T14:03:09+02:00`, `Z` in UTC), from the C library: a
    /// Foundation date formatter costs milliseconds to create, on every command that logs.
    static func timestamp(_ seconds: time_t) -> String {
        var seconds = seconds
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let offset = Int(parts.tm_gmtoff) / 60
        let zone =
            offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        return "\(Int(parts.tm_year) + 1900)-\(two(Int(parts.tm_mon) + 1))-\(two(Int(parts.tm_mday)))"
            + "T\(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))):\(two(Int(parts.tm_sec)))\(zone)"
    }
}
