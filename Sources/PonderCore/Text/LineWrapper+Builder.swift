extension LineWrapper {
    /// Fills lines greedily. When `counting`, only the line breaks are tracked: no span is built.
    struct Builder {
        let width: Int
        let continuationPrefix: [StyledSpan]
        let continuationWidth: Int
        let counting: Bool
        var lines: [StyledLine] = []
        /// Lines ended so far.
        var lineCount = 0
        var current = StyledLine()
        var column = 0
        var available: Int
        var hasContent = false
        var keepsLeadingSpaces = true
        var pendingSpaces: [Atom] = []
        var pendingWidth = 0

        init(width: Int, firstPrefix: [StyledSpan], continuationPrefix: [StyledSpan], counting: Bool) {
            self.width = width
            self.continuationPrefix = continuationPrefix
            self.continuationWidth = continuationPrefix.reduce(0) { $0 + $1.displayWidth }
            self.counting = counting
            available = 1
            startLine(prefix: firstPrefix, prefixWidth: firstPrefix.reduce(0) { $0 + $1.displayWidth })
        }

        mutating func startLine(prefix: [StyledSpan], prefixWidth: Int) {
            if !counting {
                current = StyledLine()
                for span in prefix { current.append(span) }
            }
            available = max(1, width - prefixWidth)
            column = 0
            hasContent = false
            pendingSpaces.removeAll(keepingCapacity: true)
            pendingWidth = 0
        }

        mutating func endLine() {
            lineCount += 1
            if !counting {
                current.trimTrailingSpaces()
                lines.append(current)
            }
            startLine(prefix: continuationPrefix, prefixWidth: continuationWidth)
        }

        /// Adds text to the current line (nothing when counting).
        mutating func put(_ text: Substring, _ style: TextStyle) {
            if !counting { current.append(String(text), style) }
        }

        mutating func forceBreak() {
            endLine()
            keepsLeadingSpaces = true
        }

        mutating func space(_ atom: Atom) {
            if hasContent || !keepsLeadingSpaces {
                if hasContent {
                    pendingSpaces.append(atom)
                    pendingWidth += atom.width
                }
                return
            }
            // Leading indentation: kept, as far as the line allows (a space is one column).
            let kept = max(0, min(atom.width, available - column))
            if kept > 0 {
                put(atom.text.prefix(kept), atom.style)
                column += kept
            }
        }

        mutating func word(_ unit: ArraySlice<Atom>, width unitWidth: Int) {
            if hasContent {
                if column + pendingWidth + unitWidth <= available {
                    for space in pendingSpaces { put(space.text, space.style) }
                    column += pendingWidth
                } else {
                    endLine()
                    keepsLeadingSpaces = false
                }
                pendingSpaces.removeAll(keepingCapacity: true)
                pendingWidth = 0
            } else if column > 0, column + unitWidth > available, unitWidth <= available {
                endLine()  // indentation left too little room: the word goes on a fresh line
                keepsLeadingSpaces = false
            }
            if column + unitWidth <= available {
                for atom in unit { put(atom.text, atom.style) }
                column += unitWidth
                hasContent = true
                return
            }
            for atom in unit { breakHard(atom) }
        }

        /// Places a word fragment wider than the line, breaking between clusters.
        private mutating func breakHard(_ atom: Atom) {
            if atom.width == atom.text.utf8.count {
                // Printable ASCII (every other cluster has more bytes than columns): whole chunks.
                var rest = atom.text
                while !rest.isEmpty {
                    if column >= available, column > 0 {
                        endLine()
                        keepsLeadingSpaces = false
                    }
                    let take = min(rest.utf8.count, max(1, available - column))
                    let end = rest.utf8.index(rest.startIndex, offsetBy: take)
                    put(rest[..<end], atom.style)
                    column += take
                    hasContent = true
                    rest = rest[end...]
                }
                return
            }
            for character in atom.text {
                let characterWidth = DisplayWidth.of(character)
                if characterWidth > available, character.unicodeScalars.count > 1 {
                    // A cluster wider than the line (a ZWJ family on a narrow pane) breaks between
                    // the pieces it is drawn as.
                    for piece in DisplayWidth.pieces(of: character) {
                        place(piece.text, width: piece.width, atom.style)
                    }
                    continue
                }
                place(String(character), width: characterWidth, atom.style)
            }
        }

        /// Puts one cluster (or one piece of a cluster) on the line, starting a new line when it
        /// would pass the width.
        private mutating func place(_ text: String, width: Int, _ style: TextStyle) {
            if column + width > available, column > 0 {
                endLine()
                keepsLeadingSpaces = false
            }
            if !counting { current.append(text, style) }
            column += width
            hasContent = true
        }

        mutating func finish() -> [StyledLine] {
            current.trimTrailingSpaces()
            lines.append(current)
            return lines
        }
    }
}
