import Foundation

/// Finds the line of a key in TOML text, so that problems found after parsing can still name a line.
/// TOMLKit reports positions only for syntax errors; this scan covers `[table]` headers and
/// `key = value` lines, which is how Ponder's config is written.
struct TOMLLineIndex {
    private var lines: [(table: String, key: String?, line: Int)] = []

    init(text: String) {
        var table = ""
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name =
                    line.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                    .split(separator: "#").first.map(String.init) ?? ""
                table = Self.normalize(name.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")))
                lines.append((table, nil, number + 1))
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.normalize(String(line[..<equals]))
                lines.append((table, key, number + 1))
            }
        }
    }

    /// Line of `key` inside `table` (dotted path, e.g. `providers.deepseek`); of the table header when
    /// `key` is nil.
    func line(table: String, key: String? = nil) -> Int? {
        let table = Self.normalize(table)
        if let key {
            let key = Self.normalize(key)
            if let match = lines.first(where: { $0.table == table && $0.key == key }) { return match.line }
        }
        return lines.first(where: { $0.table == table && $0.key == nil })?.line
    }

    private static func normalize(_ name: String) -> String {
        name.split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.joined(separator: ".")
    }
}
