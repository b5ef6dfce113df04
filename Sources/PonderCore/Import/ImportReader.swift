import Foundation

/// Reading an import from a path: the parser for the source, applied to a file, to every file
/// of a directory (an `export --all` directory, say), or to bytes already read (standard input).
public enum ImportReader {
    /// The plan for `source` read from bytes (`file` names them in messages). Not for SQLite sources.
    public static func plan(source: ImportSource, data: Data, file: String, modified: Date = Date()) throws
        -> ImportPlan
    {
        switch source {
        case .ponder: return try PonderExportParser.plan(data, file: file)
        case .openWebUI: return try OpenWebUIParser.plan(data, file: file)
        case .chatgpt: return try ChatGPTExportParser.plan(data, file: file)
        case .think: return try ThinkTagParser.plan(data, file: file, modified: modified)
        case .llm, .oterm:
            throw StoreError(
                kind: .invalidData,
                message: "\(source.displayName)'s store is an SQLite file: give its path (standard input cannot be "
                    + "read as a database).")
        }
    }

    /// The plan for `source` read from the file or directory at `path`.
    public static func plan(source: ImportSource, path: String) throws -> ImportPlan {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError(kind: .unreadable, message: "\(path) does not exist.")
        }
        if isDirectory.boolValue {
            guard !source.isDatabase else {
                throw StoreError(
                    kind: .invalidData,
                    message: "\(path) is a directory; \(source.displayName) keeps its history in one SQLite file "
                        + "(\(source == .llm ? "logs.db: `llm logs path` prints where" : "store.db")).")
            }
            return try directoryPlan(source: source, directory: url, path: path)
        }
        switch source {
        case .llm: return try LLMLogsParser.plan(databaseAt: url, file: path)
        case .oterm: return try OtermParser.plan(databaseAt: url, file: path)
        case .ponder, .openWebUI, .chatgpt, .think:
            return try plan(source: source, data: try read(url, path: path), file: path, modified: modified(url))
        }
    }

    /// Every `.json`/`.jsonl` file (and Markdown for think-tag imports) directly in the directory, in
    /// name order. A file that cannot be read is reported and the others are still read.
    private static func directoryPlan(source: ImportSource, directory: URL, path: String) throws -> ImportPlan {
        let extensions = source == .think ? ["json", "jsonl", "md", "markdown", "txt"] : ["json", "jsonl"]
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
                extensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".")
            }.sorted()
        } catch {
            throw StoreError(kind: .unreadable, message: "Cannot list \(path): \(error.localizedDescription)")
        }
        var plan = ImportPlan(source: source, file: path)
        guard !names.isEmpty else {
            throw StoreError(
                kind: .invalidData,
                message: "\(path) has no \(extensions.map { ".\($0)" }.joined(separator: " or ")) files to import.")
        }
        for name in names {
            let url = directory.appendingPathComponent(name)
            let file = (path as NSString).appendingPathComponent(name)
            do {
                plan.append(
                    try self.plan(source: source, data: try read(url, path: file), file: file, modified: modified(url)))
            } catch let error as StoreError {
                plan.problems.append(ImportProblem(file: file, record: "the file", reason: error.message))
            }
        }
        return plan
    }

    private static func read(_ url: URL, path: String) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw StoreError(kind: .unreadable, message: "Cannot read \(path): \(error.localizedDescription)")
        }
    }

    private static func modified(_ url: URL) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date()
    }
}
