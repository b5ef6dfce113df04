import PonderCore

/// The message editor's text and cursor. The cursor counts grapheme clusters (Swift
/// `Character`s) before it, so CJK, emoji and combining sequences move and delete as one unit.
public struct EditorState: Equatable, Sendable {
    public private(set) var text: String
    /// Grapheme clusters before the cursor, 0...text.count.
    public private(set) var cursor: Int

    public init(text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Inserts text at the cursor and moves the cursor after it. A combining mark merges with
    /// the cluster before it, as it would on paper.
    public mutating func insert(_ inserted: String) {
        let split = index(at: cursor)
        let before = String(text[..<split]) + inserted
        text = before + text[split...]
        cursor = before.count
    }

    /// Empties the editor and returns what it held.
    public mutating func takeText() -> String {
        defer {
            text = ""
            cursor = 0
        }
        return text
    }

    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        delete(from: cursor - 1, to: cursor)
        return true
    }

    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard cursor < text.count else { return false }
        delete(from: cursor, to: cursor + 1)
        return true
    }

    @discardableResult
    public mutating func moveLeft() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        return true
    }

    @discardableResult
    public mutating func moveRight() -> Bool {
        guard cursor < text.count else { return false }
        cursor += 1
        return true
    }

    public mutating func moveToLineStart() { cursor = lineStart(of: cursor) }
    public mutating func moveToLineEnd() { cursor = lineEnd(of: cursor) }

    /// Ctrl-U: deletes from the line start to the cursor; at a line start, joins with the line above.
    public mutating func deleteToLineStart() {
        let start = lineStart(of: cursor)
        delete(from: start == cursor ? max(0, cursor - 1) : start, to: cursor)
    }

    /// Ctrl-K: deletes from the cursor to the line end; at a line end, joins with the line below.
    public mutating func deleteToLineEnd() {
        let end = lineEnd(of: cursor)
        delete(from: cursor, to: end == cursor ? min(text.count, cursor + 1) : end)
    }

    /// Ctrl-W: deletes the word before the cursor and the blanks after it.
    public mutating func deleteWordBackward() {
        let characters = Array(text[..<index(at: cursor)])
        var start = characters.count
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        delete(from: start, to: cursor)
    }

    /// Alt-B: to the start of the word before the cursor.
    public mutating func moveWordBackward() {
        let characters = Array(text[..<index(at: cursor)])
        var start = characters.count
        while start > 0 && !characters[start - 1].isLetterOrDigit { start -= 1 }
        while start > 0 && characters[start - 1].isLetterOrDigit { start -= 1 }
        cursor = start
    }

    /// Alt-F: to the end of the word after the cursor.
    public mutating func moveWordForward() {
        let characters = Array(text[index(at: cursor)...])
        var end = 0
        while end < characters.count && !characters[end].isLetterOrDigit { end += 1 }
        while end < characters.count && characters[end].isLetterOrDigit { end += 1 }
        cursor += end
    }

    /// Moves to the line above, keeping the display column where possible; false on the first line.
    @discardableResult
    public mutating func moveUp() -> Bool {
        let start = lineStart(of: cursor)
        guard start > 0 else { return false }
        cursor = offset(inLineStartingAt: lineStart(of: start - 1), column: column)
        return true
    }

    /// Moves to the line below, keeping the display column where possible; false on the last line.
    @discardableResult
    public mutating func moveDown() -> Bool {
        let end = lineEnd(of: cursor)
        guard end < text.count else { return false }
        cursor = offset(inLineStartingAt: end + 1, column: column)
        return true
    }

    /// Display column of the cursor within its line.
    var column: Int {
        DisplayWidth.of(text[index(at: lineStart(of: cursor))..<index(at: cursor)])
    }

    private func offset(inLineStartingAt start: Int, column target: Int) -> Int {
        var offset = start
        var column = 0
        for character in text[index(at: start)...] {
            if character == "\n" { break }
            let width = DisplayWidth.of(character)
            if column + width > target { break }
            column += width
            offset += 1
        }
        return offset
    }

    private func lineStart(of offset: Int) -> Int {
        var position = offset
        var current = index(at: offset)
        while current > text.startIndex {
            let previous = text.index(before: current)
            if text[previous] == "\n" { break }
            current = previous
            position -= 1
        }
        return position
    }

    private func lineEnd(of offset: Int) -> Int {
        var position = offset
        for character in text[index(at: offset)...] {
            if character == "\n" { break }
            position += 1
        }
        return position
    }

    private mutating func delete(from start: Int, to end: Int) {
        guard start < end else { return }
        text.removeSubrange(index(at: start)..<index(at: end))
        cursor = start
    }

    private func index(at offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}

extension Character {
    /// Part of a word for Alt-B / Alt-F: letters (any script), digits and the underscore.
    fileprivate var isLetterOrDigit: Bool { isLetter || isNumber || self == "_" }
}
