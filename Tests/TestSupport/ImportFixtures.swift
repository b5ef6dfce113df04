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

    /// The tables of llm's `logs.db` before it kept threads (its migrations up to the `reasoning`
    /// column), for tests and benchmarks that build such a file row by row.
    public static let legacyLLMSchema = """
        CREATE TABLE conversations (id TEXT PRIMARY KEY, name TEXT, model TEXT);
        CREATE TABLE responses (
            id TEXT PRIMARY KEY, model TEXT, prompt TEXT, system TEXT, prompt_json TEXT, options_json TEXT,
            response TEXT, response_json TEXT, conversation_id TEXT REFERENCES conversations(id),
            duration_ms INTEGER, datetime_utc TEXT, input_tokens INTEGER, output_tokens INTEGER,
            token_details TEXT, reasoning TEXT);
        """
}
