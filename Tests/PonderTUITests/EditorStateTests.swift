import PonderTUI
import Testing

@Suite struct EditorStateTests {
    @Test func cursorMovesByGraphemeCluster() {
        var editor = EditorState(text: "a中👨‍👩‍👧e\u{301}")
        #expect(editor.cursor == 4)
        editor.moveLeft()
        editor.deleteBackward()
        #expect(editor.text == "a中e\u{301}")
        editor.deleteBackward()
        editor.deleteForward()
        #expect(editor.text == "a")
    }

    @Test func combiningMarkMergesWithPreviousCluster() {
        var editor = EditorState(text: "e")
        editor.insert("\u{301}")
        #expect(editor.text == "e\u{301}")
        #expect(editor.cursor == 1)
    }

    @Test func insertInTheMiddle() {
        var editor = EditorState(text: "你界")
        editor.moveLeft()
        editor.insert("好世")
        #expect(editor.text == "你好世界")
        #expect(editor.cursor == 3)
    }

    @Test func lineStartEndAndKills() {
        var editor = EditorState(text: "one two\nthree four")
        editor.moveToLineStart()
        #expect(editor.cursor == 8)
        editor.deleteToLineEnd()
        #expect(editor.text == "one two\n")
        editor.deleteToLineStart()
        #expect(editor.text == "one two")
        editor.moveLeft()
        editor.moveLeft()
        editor.deleteToLineStart()
        #expect(editor.text == "wo")
        editor.moveToLineEnd()
        #expect(editor.cursor == 2)
    }

    @Test func deleteWordBackward() {
        var editor = EditorState(text: "hello big  world  ")
        editor.deleteWordBackward()
        #expect(editor.text == "hello big  ")
        editor.deleteWordBackward()
        #expect(editor.text == "hello ")
    }

    @Test func upAndDownKeepTheDisplayColumnAcrossCJK() {
        var editor = EditorState(text: "中文字\nabcdef\nx")
        editor.moveUp()
        #expect(editor.cursor == 5)
        editor.moveToLineEnd()
        editor.moveLeft()
        editor.moveLeft()
        let movedUp = editor.moveUp()
        #expect(movedUp)
        #expect(editor.cursor == 2)
        let movedPastTop = editor.moveUp()
        #expect(!movedPastTop)
        editor.moveDown()
        editor.moveDown()
        #expect(editor.cursor == editor.text.count)
        let movedPastBottom = editor.moveDown()
        #expect(!movedPastBottom)
    }

    @Test func rowsWrapByDisplayWidthWithoutSplittingWideGlyphs() {
        let editor = EditorState(text: "ab中文字\nxy")
        let rows = editor.rows(width: 5)
        #expect(rows.rows == ["ab中", "文字", "xy"])
        #expect(rows.cursor == Point(x: 2, y: 2))
        let middle = EditorState(text: "ab中文字", cursor: 3)
        #expect(middle.rows(width: 5).cursor == Point(x: 0, y: 1))
    }

    @Test func cursorAfterAFullRowMovesToAFreshRow() {
        let rows = EditorState(text: "abcd").rows(width: 4)
        #expect(rows.rows == ["abcd", ""])
        #expect(rows.cursor == Point(x: 0, y: 1))
    }
}
