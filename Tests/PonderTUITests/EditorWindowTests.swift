import PonderCore
import PonderTUI
import Testing

/// The rows the editor shows: the same as wrapping the whole text, without wrapping it all.
@Suite struct EditorWindowTests {
    @Test func visibleRowsAreTheRowsOfTheWholeLayoutAroundTheCursor() {
        let texts = [
            "", "abc", "one\ntwo\n", "wrap this long line please\nshort\n中文字符宽\nend", "abcdefgh", "ab\n\n\ncd",
        ]
        for text in texts {
            for cursor in 0...text.count {
                let editor = EditorState(text: text, cursor: cursor)
                for width in [1, 4, 8] {
                    let whole = editor.rows(width: width)
                    #expect(editor.rowCount(width: width, limit: 3) == min(3, whole.rows.count))
                    for height in [1, 2, 3, 20] {
                        let first = max(0, whole.cursor.y - height + 1)
                        let shown = editor.visibleRows(width: width, height: height)
                        #expect(shown.rows == Array(whole.rows.dropFirst(first).prefix(height)), "\(text) \(cursor)")
                        #expect(
                            shown.cursor == Point(x: whole.cursor.x, y: whole.cursor.y - first), "\(text) \(cursor)")
                    }
                }
            }
        }
    }

    @Test func editingAtTheEndOfALargeTextShowsItsLastRows() {
        var editor = EditorState(text: UnbracketedPasteTests.largeText)
        editor.insert("!")
        #expect(editor.text == UnbracketedPasteTests.largeText + "!")
        let window = editor.visibleRows(width: 40, height: 3)
        #expect(window.rows == ["line 9200: the quick brown fox jumps ove", "r the lazy dog", "last line!"])
        #expect(window.cursor == Point(x: 10, y: 2))
    }
}
