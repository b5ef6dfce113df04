import Foundation

/// The import fixtures under `Tests/ImportFixtures` (how each was made is in the README there).
public enum ImportFixtures {
    public static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ImportFixtures")
    }

    public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    public static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// A copy of a fixture in `directory` (SQLite sources are opened from a copy, so a test never
    /// touches the committed file).
    public static func copy(_ name: String, into directory: URL) throws -> URL {
        let target = directory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: url(name), to: target)
        return target
    }
}
