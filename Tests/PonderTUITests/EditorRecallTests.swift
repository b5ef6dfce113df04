import Foundation
import PonderCore
import PonderTUI
import Testing

/// The editor's readline extras: Up / Down recall earlier prompts, Alt-B / Alt-F move by word,
/// Ctrl-X Ctrl-E and Alt-E hand the text to `$EDITOR`.
@Suite final class EditorRecallTests {
    var state = AppState(size: Size(width: 100, height: 30))

    @discardableResult
    func press(_ key: KeyPress) -> [Effect] {
        Reducer.reduce(&state, .input(.key(key), at: 0))
    }

    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    @Test func upAndDownWalkThroughEarlierPromptsAndBackToTheDraft() {
        _ = Reducer.reduce(&state, .promptsLoaded(["newest stored", "older stored"]))
        type("first")
        press(KeyPress(.enter))
        type("draft")
        press(KeyPress(.up))
        #expect(state.editor.text == "first")
        press(KeyPress(.up))
        #expect(state.editor.text == "newest stored")
        press(KeyPress(.up))
        #expect(state.editor.text == "older stored")
        press(KeyPress(.up))
        #expect(state.editor.text == "older stored", "the oldest stays")
        press(KeyPress(.down))
        press(KeyPress(.down))
        #expect(state.editor.text == "first")
        press(KeyPress(.down))
        #expect(state.editor.text == "draft", "past the newest, the draft comes back")
    }

    @Test func upInsideAMultiLineTextMovesTheCursorFirst() {
        _ = Reducer.reduce(&state, .promptsLoaded(["stored"]))
        type("one")
        press(.ctrl("j"))
        type("two")
        press(KeyPress(.up))
        #expect(state.editor.text == "one\ntwo")
        press(KeyPress(.up))
        #expect(state.editor.text == "stored")
    }

    @Test func altBAndAltFMoveByWords() {
        type("hello 世界 wide_word!")
        press(.alt(.character("b")))
        #expect(state.editor.cursor == 9)
        press(.alt(.character("b")))
        #expect(state.editor.cursor == 6)
        press(.alt(.character("f")))
        #expect(state.editor.cursor == 8)
        press(KeyPress(.right, .ctrl))
        #expect(state.editor.cursor == 18)
    }

    @Test func ctrlXCtrlEAsksForTheExternalEditor() {
        type("draft text")
        #expect(press(.ctrl("x")).isEmpty)
        #expect(press(.ctrl("e")) == [.editExternally("draft text")])
        press(.ctrl("x"))
        press(.character("a"))
        #expect(state.editor.text == "draft texta", "another key after Ctrl-X is typed as usual")
        #expect(press(.alt(.character("e"))) == [.editExternally("draft texta")])
        _ = Reducer.reduce(&state, .editorTextEdited("from the editor\nsecond line"))
        #expect(state.editor.text == "from the editor\nsecond line")
    }

    @Test func theExternalEditorRunsTheConfiguredCommand() throws {
        let edited = ExternalEditor.edit(
            "before", environment: ["EDITOR": "sed -i 's/before/after/'", "VISUAL": " "])
        #expect(edited == .success("after"))
        let failed = ExternalEditor.edit("kept", environment: ["EDITOR": "false"])
        #expect(failed == .failure(EditorFailure("The editor (false) exited with status 1 — the message is unchanged")))
    }

    @Test func theExternalEditorHoldsOnlyTheTerminal() throws {
        // A pipe of ponder's, like the loop's wake pipe: the editor, or a server it starts, must not keep it.
        var other: [Int32] = [-1, -1]
        try #require(pipe(&other) == 0)
        defer { other.forEach { close($0) } }
        let edited = ExternalEditor.edit("", environment: ["EDITOR": "sh -c 'ls /proc/self/fd > \"$0\"'"])
        let listed = try edited.get()
        let held = Set(listed.split(separator: "\n").map(String.init))
        // `ls` holds its three streams (the output is the file) and the folder it lists.
        #expect(held.count == 4 && held.isSuperset(of: ["0", "1", "2"]), "\(listed)")
        #expect(held.isDisjoint(with: other.map(String.init)), "\(listed)")
    }
}
