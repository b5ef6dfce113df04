import Foundation

/// Finds built executables (`ponder`, `ponder-fake-server`, …) for end-to-end tests and
/// benchmarks: `$PONDER_BUILD_DIR` first, else the directory holding the test executable (or
/// the parent of its `.xctest` bundle).
public enum BuildProducts {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let configured = environment["PONDER_BUILD_DIR"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if !url.lastPathComponent.hasSuffix(".xctest") && !url.path.contains(".xctest/") { break }
        }
        return url
    }

    /// The executable `name`, or an error saying where it was looked for.
    public static func executable(_ name: String) throws -> URL {
        let url = directory().appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BuildProductError(message: "\(name) not found at \(url.path); build it or set PONDER_BUILD_DIR")
        }
        return url
    }
}

/// A missing build product.
public struct BuildProductError: Error, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
