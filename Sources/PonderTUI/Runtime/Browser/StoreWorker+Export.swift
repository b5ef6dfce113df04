import Foundation
import PonderCore

/// Writing exports: a file named after the title in the first writable export directory, never
/// replacing an existing file.
extension StoreWorker {
    /// Writes the conversation in `format` and returns the file written.
    public func export(_ id: ConversationID, format: ExportFormat) throws -> URL {
        let data: Data
        switch format {
        case .markdown: data = Data(try store.exportMarkdown(id).utf8)
        case .json: data = try store.exportJSON(id)
        }
        let title = try store.conversation(id)?.title ?? ""
        let base = Self.fileStem(title: title, id: id)
        var failures: [String] = []
        for directory in exportDirectories {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                var url = directory.appendingPathComponent("\(base).\(format.rawValue)")
                var attempt = 2
                while FileManager.default.fileExists(atPath: url.path) {
                    url = directory.appendingPathComponent("\(base)-\(attempt).\(format.rawValue)")
                    attempt += 1
                }
                try data.write(to: url, options: .withoutOverwriting)
                return url
            } catch {
                failures.append("\(directory.path): \(error.localizedDescription)")
            }
        }
        throw StoreError(
            kind: .other, message: "Could not write the export (" + failures.joined(separator: "; ") + ")")
    }

    /// `ponder-<title words>-<id prefix>`: letters and digits of any script kept, the rest dashes.
    static func fileStem(title: String, id: ConversationID) -> String {
        var words = ""
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                words.append(character)
            } else if !words.isEmpty, words.last != "-" {
                words.append("-")
            }
        }
        while words.last == "-" { words.removeLast() }
        let short = String(words.prefix(40))
        let idPart = String(id.rawValue.prefix(8))
        return short.isEmpty ? "ponder-\(idPart)" : "ponder-\(short)-\(idPart)"
    }
}
