import PonderCore

/// The message editor's text and cursor. The text is kept as its lines, so an edit costs the
/// line it touches, not the whole text (a paste of a megabyte stays cheap to type after). The
/// cursor counts grapheme clusters (Swift `Character`s) within its line, so CJK, emoji and
/// combining sequences move and delete as one unit.
public struct EditorState: Equatable, Sendable {
    /// The text split at line breaks; never empty.
    private(set) var lines: [String]
    /// The line the cursor is on.
    private(set) var cursorLine: Int
    /// Grapheme clusters before the cursor in its line.
    private(set) var cursorColumn: Int

    public init(text: String = "", cursor: Int? = nil) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        cursorLine = lines.count - 1
        cursorColumn = lines[cursorLine].count
        if let cursor { place(at: max(0, cursor)) }
    }

    /// The whole text (joins every line: for sending and saving, not for each key).
    public var text: String { lines.joined(separator: "\n") }

    /// Grapheme clusters before the cursor in the whole text, 0...text.count.
    public var cursor: Int {
        lines[..<cursorLine].reduce(0) { $0 + $1.count + 1 } + cursorColumn
    }

    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }

    /// Inserts text at the cursor and moves the cursor after it. A combining mark merges with
    /// the cluster before it, as it would on paper.
    public mutating func insert(_ inserted: String) {
        let current = lines[cursorLine]
        let split = current.index(current.startIndex, offsetBy: cursorColumn)
        let tail = current[split...]
        var pieces = inserted.split(separator: "\n", omittingEmptySubsequences: false)
        let last = pieces.removeLast()
        if pieces.isEmpty {
            let before = String(current[..<split]) + last
            lines[cursorLine] = before + tail
            cursorColumn = before.count
            return
        }
        lines[cursorLine] = String(current[..<split]) + pieces[0]
        var inserting = pieces.dropFirst().map(String.init)
        inserting.append(String(last) + tail)
        lines.insert(contentsOf: inserting, at: cursorLine + 1)
        cursorLine += inserting.count
        cursorColumn = last.count
    }

    /// Empties the editor and returns what it held.
    public mutating func takeText() -> String {
        defer { self = EditorState() }
        return text
    }

    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard let start = position(before: (cursorLine, cursorColumn)) else { return false }
        delete(from: start, to: (cursorLine, cursorColumn))
        return true
    }

    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard let end = position(after: (cursorLine, cursorColumn)) else { return false }
        delete(from: (cursorLine, cursorColumn), to: end)
        return true
    }

    @discardableResult
    public mutating func moveLeft() -> Bool {
        guard let start = position(before: (cursorLine, cursorColumn)) else { return false }
        (cursorLine, cursorColumn) = start
        return true
    }

    @discardableResult
    public mutating func moveRight() -> Bool {
        guard let end = position(after: (cursorLine, cursorColumn)) else { return false }
        (cursorLine, cursorColumn) = end
        return true
    }

    public mutating func moveToLineStart() { cursorColumn = 0 }
    public mutating func moveToLineEnd() { cursorColumn = lines[cursorLine].count }

    /// Ctrl-U: deletes from the line start to the cursor; at a line start, joins with the line above.
    public mutating func deleteToLineStart() {
        guard cursorColumn > 0 else {
            deleteBackward()
            return
        }
        delete(from: (cursorLine, 0), to: (cursorLine, cursorColumn))
    }

    /// Ctrl-K: deletes from the cursor to the line end; at a line end, joins with the line below.
    public mutating func deleteToLineEnd() {
        let end = lines[cursorLine].count
        guard cursorColumn < end else {
            deleteForward()
            return
        }
        delete(from: (cursorLine, cursorColumn), to: (cursorLine, end))
    }

    /// Ctrl-W: deletes the word before the cursor and the blanks after it.
    public mutating func deleteWordBackward() {
        delete(from: wordStart { !$0.isWhitespace }, to: (cursorLine, cursorColumn))
    }

    /// Alt-B: to the start of the word before the cursor.
    public mutating func moveWordBackward() {
        (cursorLine, cursorColumn) = wordStart { $0.isLetterOrDigit }
    }

    /// Alt-F: to the end of the word after the cursor.
    public mutating func moveWordForward() {
        var line = cursorLine
        var characters = Array(lines[line].dropFirst(cursorColumn))
        var skipped = cursorColumn
        var end = 0
        while true {
            while end < characters.count && !characters[end].isLetterOrDigit { end += 1 }
            guard end == characters.count, line + 1 < lines.count else { break }
            line += 1
            characters = Array(lines[line])
            skipped = 0
            end = 0
        }
        while end < characters.count && characters[end].isLetterOrDigit { end += 1 }
        (cursorLine, cursorColumn) = (line, skipped + end)
    }

    /// Moves to the line above, keeping the display column where possible; false on the first line.
    @discardableResult
    public mutating func moveUp() -> Bool {
        guard cursorLine > 0 else { return false }
        let target = displayColumn
        cursorLine -= 1
        cursorColumn = column(in: lines[cursorLine], atDisplayColumn: target)
        return true
    }

    /// Moves to the line below, keeping the display column where possible; false on the last line.
    @discardableResult
    public mutating func moveDown() -> Bool {
        guard cursorLine + 1 < lines.count else { return false }
        let target = displayColumn
        cursorLine += 1
        cursorColumn = column(in: lines[cursorLine], atDisplayColumn: target)
        return true
    }

    /// Display column of the cursor within its line.
    var displayColumn: Int { DisplayWidth.of(String(lines[cursorLine].prefix(cursorColumn))) }

    private func column(in line: String, atDisplayColumn target: Int) -> Int {
        var offset = 0
        var column = 0
        for character in line {
            let width = DisplayWidth.of(character)
            if column + width > target { break }
            column += width
            offset += 1
        }
        return offset
    }

    /// Where a word (characters for which `isWord` holds) before the cursor starts, after
    /// skipping the other characters and line breaks between it and the cursor.
    private func wordStart(_ isWord: (Character) -> Bool) -> (Int, Int) {
        var line = cursorLine
        var characters = Array(lines[line].prefix(cursorColumn))
        var start = characters.count
        while true {
            while start > 0 && !isWord(characters[start - 1]) { start -= 1 }
            guard start == 0, line > 0 else { break }
            line -= 1
            characters = Array(lines[line])
            start = characters.count
        }
        while start > 0 && isWord(characters[start - 1]) { start -= 1 }
        return (line, start)
    }

    private func position(before position: (Int, Int)) -> (Int, Int)? {
        if position.1 > 0 { return (position.0, position.1 - 1) }
        return position.0 > 0 ? (position.0 - 1, lines[position.0 - 1].count) : nil
    }

    private func position(after position: (Int, Int)) -> (Int, Int)? {
        if position.1 < lines[position.0].count { return (position.0, position.1 + 1) }
        return position.0 + 1 < lines.count ? (position.0 + 1, 0) : nil
    }

    /// Sets the cursor from an offset in the whole text (clamped to its end).
    private mutating func place(at offset: Int) {
        var remaining = offset
        for (index, line) in lines.enumerated() {
            let count = line.count
            if remaining <= count || index == lines.count - 1 {
                (cursorLine, cursorColumn) = (index, min(remaining, count))
                return
            }
            remaining -= count + 1
        }
    }

    private mutating func delete(from start: (Int, Int), to end: (Int, Int)) {
        guard start.0 < end.0 || (start.0 == end.0 && start.1 < end.1) else { return }
        let head = lines[start.0].prefix(start.1)
        let tail = lines[end.0].dropFirst(end.1)
        lines[start.0] = String(head) + tail
        if end.0 > start.0 { lines.removeSubrange(start.0 + 1...end.0) }
        (cursorLine, cursorColumn) = (start.0, min(start.1, lines[start.0].count))
    }
}

extension Character {
    /// Part of a word for Alt-B / Alt-F: letters (any script), digits and the underscore.
    fileprivate var isLetterOrDigit: Bool { isLetter || isNumber || self == "_" }
}
