import Foundation

/// A fresh directory under the system temp dir, removed when this value is deallocated.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "ponder-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
