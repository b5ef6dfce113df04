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

extension TemporaryDirectory {
    /// Writes an executable script at `name` (a path inside this directory) through a child shell, so
    /// this process never holds the file open for writing. A file written here directly could still be
    /// open in a child forked by a parallel test at that moment, and running it then fails with
    /// "text file busy".
    @discardableResult
    public func writeExecutable(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try ChildProcess.run(
            ["/bin/sh", "-c", "printf '%s' \"$1\" > \"$2\" && chmod 755 \"$2\"", "sh", text, file.path],
            capturingOutput: true)
        guard result.status == 0 else {
            throw TmuxError(message: "could not write \(file.path): \(result.output)")
        }
        return file
    }
}
