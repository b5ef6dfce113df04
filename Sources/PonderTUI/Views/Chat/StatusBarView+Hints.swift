import PonderCore

/// Which key hints the status bar has room for: the kept ones (an error's key, then help) are
/// dropped last; the others follow the keymap's order while they fit.
extension StatusBarView {
    typealias Hint = (key: String, label: String)

    /// The columns a hint takes: key, space, label and two spaces after it.
    static func pieceWidth(_ hint: Hint) -> Int {
        DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label) + 2
    }

    /// The help key's hint when it is among `hints`.
    static func helpHint(in hints: [Hint], keymap: Keymap) -> Hint? {
        guard let binding = keymap.bindings.first(where: { $0.action == .app(.showHelp) && $0.hint != nil }),
            let key = binding.keys.first?.description
        else { return nil }
        return hints.first { $0.key == key && $0.label == binding.hint }
    }

    /// The hints that fit in `room` columns, in their order: first the `kept` ones that fit, then the
    /// others from the start up to the first that does not.
    static func fitting(_ hints: [Hint], room: Int, kept: [Hint]) -> [Hint] {
        let widths = hints.map(pieceWidth)
        let isKept = hints.map { hint in kept.contains { $0 == hint } }
        var chosen = [Bool](repeating: false, count: hints.count)
        var used = 0
        for index in hints.indices where isKept[index] && used + widths[index] <= room {
            chosen[index] = true
            used += widths[index]
        }
        for index in hints.indices where !isKept[index] {
            guard used + widths[index] <= room else { break }
            chosen[index] = true
            used += widths[index]
        }
        return hints.indices.filter { chosen[$0] }.map { hints[$0] }
    }
}
