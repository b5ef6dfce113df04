import Foundation

extension TerminalSequenceScan {
    /// The CSI shapes of the output capabilities (see `isLeftOut`) of `term`'s
    /// terminfo entry, as `infocmp` prints it: what ncurses may choose to write for that terminal
    /// when the content asks for it (deleting characters, scrolling back), beside what one run
    /// happened to need. Capabilities with conditionals are left out; SGR is one shape anyway.
    public static func terminfoShapes(term: String) throws -> Set<String> {
        let result = try ChildProcess.run(["/usr/bin/env", "infocmp", "-1", "-x", term], capturingOutput: true)
        guard result.status == 0 else { throw TmuxError(message: "infocmp \(term) failed: \(result.output)") }
        var shapes = Set<String>()
        for line in result.output.split(separator: "\n") {
            let entry = line.trimmingCharacters(in: .whitespaces)
            guard let equals = entry.firstIndex(of: "="), !Self.isLeftOut(String(entry[..<equals])) else { continue }
            var value = String(entry[entry.index(after: equals)...].dropLast())
            guard value.contains("\\E["), !value.contains("%?") else { continue }
            value = value.replacingOccurrences(of: #"\$<[^>]*>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "%i", with: "")
                .replacingOccurrences(of: #"%p[0-9]%d"#, with: "1", options: .regularExpression)
                .replacingOccurrences(of: "%d", with: "1")
                .replacingOccurrences(of: "\\E", with: "\u{1B}")
            guard !value.contains("%"), !value.contains("\\"), !value.contains("^") else { continue }
            shapes.formUnion(TerminalSequenceScan(Array(value.utf8)).shapes.keys.filter { $0.hasPrefix("CSI") })
        }
        return shapes
    }

    /// Capabilities that are not screen output: key strings (`k…`), the user strings that hold the
    /// cursor-position and device-attribute queries and their answers (`u6`…`u9`), printer (`mc…`)
    /// and reset or init strings (`rs…`, `is…`), and the extended ones (capitalised names).
    static func isLeftOut(_ name: String) -> Bool {
        guard let first = name.first else { return true }
        return first == "k" || first.isUppercase || (first == "u" && name.count == 2)
            || ["mc", "rs", "is"].contains { name.hasPrefix($0) }
    }
}
