extension LineWrapper {
    /// The smallest piece the wrapper places: a run of spaces, a newline, or a word fragment
    /// (ASCII word, a run of narrow characters, or one wide character) with whether a line may
    /// break just before it.
    struct Atom {
        enum Kind { case space, newline, word }

        var text: Substring
        var width: Int
        var style: TextStyle
        var kind: Kind
        var breakBefore: Bool

        /// Splits spans into atoms. In `.characters` mode every cluster is its own breakable word.
        static func split(_ spans: [StyledSpan], mode: Mode) -> [Atom] {
            var atoms: [Atom] = []
            var previousAllowsBreakAfter = false
            for span in spans where !span.text.isEmpty {
                if mode == .words, Sanitizer.isPlainASCII(span.text) {
                    let first = atoms.count
                    splitASCII(span, into: &atoms)
                    if previousAllowsBreakAfter, first < atoms.count, atoms[first].kind == .word,
                        let head = atoms[first].text.first, !noBreakBefore.contains(head)
                    {
                        atoms[first].breakBefore = true
                    }
                    previousAllowsBreakAfter = false
                    continue
                }
                let text = span.text[...]
                var runStart = text.startIndex
                var runWidth = 0
                var index = text.startIndex
                func closeRun(at end: Substring.Index) {
                    guard runStart < end else { return }
                    atoms.append(
                        Atom(
                            text: text[runStart..<end], width: runWidth, style: span.style, kind: .word,
                            breakBefore: previousAllowsBreakAfter))
                    previousAllowsBreakAfter = false
                }
                while index < text.endIndex {
                    let character = text[index]
                    let next = text.index(after: index)
                    if character == "\n" || character == "\r\n" {
                        closeRun(at: index)
                        atoms.append(
                            Atom(
                                text: text[index..<next], width: 0, style: span.style, kind: .newline,
                                breakBefore: true))
                        previousAllowsBreakAfter = false
                        runStart = next
                        runWidth = 0
                    } else if character == " " && mode == .words {
                        closeRun(at: index)
                        var end = next
                        while end < text.endIndex, text[end] == " " { end = text.index(after: end) }
                        let count = text.distance(from: index, to: end)
                        atoms.append(
                            Atom(
                                text: text[index..<end], width: count, style: span.style, kind: .space,
                                breakBefore: true))
                        runStart = end
                        runWidth = 0
                        index = end
                        continue
                    } else {
                        let width = DisplayWidth.of(character)
                        if mode == .characters || width == 2 {
                            closeRun(at: index)
                            let breakable = mode == .characters || !noBreakBefore.contains(character)
                            atoms.append(
                                Atom(
                                    text: text[index..<next], width: width, style: span.style, kind: .word,
                                    breakBefore: breakable && (mode == .characters || endsInBreakableWord(atoms))))
                            previousAllowsBreakAfter = mode == .words && !noBreakAfter.contains(character)
                            runStart = next
                            runWidth = 0
                        } else {
                            if runStart == index, previousAllowsBreakAfter, noBreakBefore.contains(character) {
                                previousAllowsBreakAfter = false
                            }
                            runWidth += width
                        }
                    }
                    index = next
                }
                closeRun(at: text.endIndex)
            }
            return atoms
        }

        /// Whether the atoms end in a word that a line may break after.
        private static func endsInBreakableWord(_ atoms: [Atom]) -> Bool {
            guard let last = atoms.last, last.kind == .word else { return false }
            guard let character = last.text.last else { return true }
            return !noBreakAfter.contains(character)
        }

        /// Fast path for ASCII spans: words and runs of spaces.
        private static func splitASCII(_ span: StyledSpan, into atoms: inout [Atom]) {
            let text = span.text[...]
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let byte = utf8[index]
                var end = utf8.index(after: index)
                if byte == 0x0A {
                    atoms.append(
                        Atom(
                            text: text[index..<end], width: 0, style: span.style, kind: .newline,
                            breakBefore: true))
                } else {
                    let isSpace = byte == 0x20
                    while end < utf8.endIndex, utf8[end] != 0x0A, (utf8[end] == 0x20) == isSpace {
                        end = utf8.index(after: end)
                    }
                    atoms.append(
                        Atom(
                            text: text[index..<end], width: utf8.distance(from: index, to: end),
                            style: span.style, kind: isSpace ? .space : .word, breakBefore: false))
                }
                index = end
            }
        }

        /// CJK and ASCII punctuation that must not start a line.
        static let noBreakBefore: Set<Character> = [
            "、", "。", "，", "．", "：", "；", "！", "？", "）", "」", "』", "】", "〉", "》", "〕", "］", "｝", "…",
            "ー", ",", ".", ":", ";", "!", "?", ")", "]", "}",
        ]
        /// CJK opening punctuation that must not end a line.
        static let noBreakAfter: Set<Character> = ["（", "「", "『", "【", "〈", "《", "〔", "［", "｛"]
    }
}
