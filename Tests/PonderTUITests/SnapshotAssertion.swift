import Foundation
import PonderTUI
import Testing

/// Compares a rendered screen with its stored text snapshot under `__Snapshots__/` next to
/// this file. A missing snapshot is written and the test fails; `PONDER_RECORD_SNAPSHOTS=1`
/// rewrites snapshots instead of comparing, and fails too when it changed one. Every recording is
/// therefore reviewed (`git diff`) before a run passes.
enum SnapshotAssertion {
    static func directory(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    static func assertMatches(
        _ buffer: ScreenBuffer, named name: String, includeStyles: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let text = render(buffer, includeStyles: includeStyles)
        let file = directory().appendingPathComponent("\(name).txt")
        let recording = ProcessInfo.processInfo.environment["PONDER_RECORD_SNAPSHOTS"] == "1"
        let stored = try? String(contentsOf: file, encoding: .utf8)
        guard recording || stored == nil else {
            #expect(stored == text, "snapshot \(name) differs:\n\(text)", sourceLocation: sourceLocation)
            return
        }
        guard stored != text else { return }
        try FileManager.default.createDirectory(at: directory(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let was = stored == nil ? "missing" : "different"
        Issue.record(
            "snapshot \(name) was \(was); recorded it — review it with git diff, then run again without recording",
            sourceLocation: sourceLocation)
    }

    /// The grid framed so trailing blanks show, then (optionally) one style letter per cell and
    /// a legend of the styles.
    static func render(_ buffer: ScreenBuffer, includeStyles: Bool) -> String {
        let width = buffer.size.width
        let border = "+" + String(repeating: "-", count: width) + "+"
        var lines = [border] + buffer.lines().map { "|\($0)|" } + [border]
        guard includeStyles else { return lines.joined(separator: "\n") + "\n" }
        var letters: [Style: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        lines.append("styles:")
        for y in 0..<buffer.size.height {
            var row = ""
            for x in 0..<width {
                let style = buffer[x, y].style
                if letters[style] == nil {
                    let letter = alphabet[min(letters.count, alphabet.count - 1)]
                    letters[style] = letter
                    legend.append("\(letter) = \(describe(style))")
                }
                row.append(letters[style]!)
            }
            lines.append("|\(row)|")
        }
        return (lines + legend).joined(separator: "\n") + "\n"
    }

    static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if style.foreground != .default { parts.append("fg \(style.foreground)") }
        if style.background != .default { parts.append("bg \(style.background)") }
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
        ]
        for (attribute, name) in names where style.attributes.contains(attribute) { parts.append(name) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
