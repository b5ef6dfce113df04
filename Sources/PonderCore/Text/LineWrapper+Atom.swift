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
        /// In `.words` mode runs of printable ASCII take a byte-level fast path; only the rest is
        /// walked cluster by cluster.
        static func split(_ spans: [StyledSpan], mode: Mode) -> [Atom] {
            var atoms: [Atom] = []
            atoms.reserveCapacity(spans.count * 8)
            var previousAllowsBreakAfter = false
            for span in spans where !span.text.isEmpty {
                let text = span.text[...]
                guard mode == .words else {
                    _ = splitClusters(
                        text, from: text.startIndex, style: span.style, mode: mode, into: &atoms,
                        previousAllowsBreakAfter: &previousAllowsBreakAfter)
                    continue
                }
                let utf8 = text.utf8
                var position = text.startIndex
                while position < text.endIndex {
                    var end = position
                    while end < utf8.endIndex, isFastASCII(utf8[end]) { end = utf8.index(after: end) }
                    // The last ASCII byte before other text may start a cluster with what follows.
                    let fastEnd = end == utf8.endIndex || end == position ? end : utf8.index(before: end)
                    if position < fastEnd {
                        splitASCII(
                            text[position..<fastEnd], style: span.style, into: &atoms,
                            previousAllowsBreakAfter: &previousAllowsBreakAfter)
                        position = fastEnd
                    }
                    if position < text.endIndex {
                        position = splitClusters(
                            text, from: position, style: span.style, mode: mode, into: &atoms,
                            previousAllowsBreakAfter: &previousAllowsBreakAfter)
                    }
                }
            }
            return atoms
        }

        /// Printable ASCII or a newline: a cluster of its own when the next byte is one too.
        @inline(__always)
        private static func isFastASCII(_ byte: UInt8) -> Bool {
            (byte >= 0x20 && byte < 0x7F) || byte == 0x0A
        }

        /// Splits `text` from `start` cluster by cluster. In `.words` mode it stops (returning
        /// where) at a cluster boundary followed by two fast-path ASCII bytes, or by one at the end.
        private static func splitClusters(
            _ text: Substring, from start: Substring.Index, style: TextStyle, mode: Mode, into atoms: inout [Atom],
            previousAllowsBreakAfter: inout Bool
        ) -> Substring.Index {
            let utf8 = text.utf8
            var runStart = start
            var runWidth = 0
            var index = start
            func closeRun(at end: Substring.Index) {
                guard runStart < end else { return }
                atoms.append(
                    Atom(
                        text: text[runStart..<end], width: runWidth, style: style, kind: .word,
                        breakBefore: previousAllowsBreakAfter))
                previousAllowsBreakAfter = false
            }
            while index < text.endIndex {
                if index > start, mode == .words, isFastASCII(utf8[index]) {
                    let after = utf8.index(after: index)
                    if after == utf8.endIndex || isFastASCII(utf8[after]) { break }
                }
                let character = text[index]
                let next = text.index(after: index)
                if character == "\n" || character == "\r\n" {
                    closeRun(at: index)
                    atoms.append(
                        Atom(text: text[index..<next], width: 0, style: style, kind: .newline, breakBefore: true))
                    previousAllowsBreakAfter = false
                    runStart = next
                    runWidth = 0
                } else if character == " " && mode == .words {
                    closeRun(at: index)
                    var end = next
                    while end < text.endIndex, text[end] == " " { end = text.index(after: end) }
                    let count = text.distance(from: index, to: end)
                    atoms.append(
                        Atom(text: text[index..<end], width: count, style: style, kind: .space, breakBefore: true))
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
                                text: text[index..<next], width: width, style: style, kind: .word,
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
            closeRun(at: index)
            return index
        }

        /// Whether the atoms end in a word that a line may break after.
        private static func endsInBreakableWord(_ atoms: [Atom]) -> Bool {
            guard let last = atoms.last, last.kind == .word else { return false }
            guard let character = last.text.last else { return true }
            return !noBreakAfter.contains(character)
        }

        /// Fast path for printable ASCII and newlines: words and runs of spaces. After a wide
        /// character the first word may start a new line unless it is closing punctuation.
        private static func splitASCII(
            _ text: Substring, style: TextStyle, into atoms: inout [Atom], previousAllowsBreakAfter: inout Bool
        ) {
            let first = atoms.count
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let byte = utf8[index]
                var end = utf8.index(after: index)
                if byte == 0x0A {
                    atoms.append(
                        Atom(text: text[index..<end], width: 0, style: style, kind: .newline, breakBefore: true))
                } else {
                    let isSpace = byte == 0x20
                    while end < utf8.endIndex, utf8[end] != 0x0A, (utf8[end] == 0x20) == isSpace {
                        end = utf8.index(after: end)
                    }
                    atoms.append(
                        Atom(
                            text: text[index..<end], width: utf8.distance(from: index, to: end), style: style,
                            kind: isSpace ? .space : .word, breakBefore: false))
                }
                index = end
            }
            if previousAllowsBreakAfter, first < atoms.count, atoms[first].kind == .word,
                let head = atoms[first].text.utf8.first, !noBreakBeforeASCII(head)
            {
                atoms[first].breakBefore = true
            }
            previousAllowsBreakAfter = false
        }

        /// ASCII punctuation that must not start a line (the ASCII part of `noBreakBefore`).
        private static func noBreakBeforeASCII(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                return true
            default:
                return false
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
