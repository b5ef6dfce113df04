import PonderTUI
import Testing

@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = Keymap.standard.bindings(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
        }
    }

    @Test func hintsComeFromTheKeymapInContextOrder() {
        let hints = Keymap.standard.hints(for: [.editor, .global]).compactMap(\.hint)
        #expect(hints == ["send", "newline", "thinking", "pane", "help", "quit"])
    }

    @Test func keyLabelsReadNaturally() {
        #expect(KeyPress.ctrl("q").description == "Ctrl-Q")
        #expect(KeyPress.alt(.enter).description == "Alt-Enter")
        #expect(KeyPress(.function(1)).description == "F1")
        let binding = Keymap.standard.bindings(in: .editor).first { $0.action == .editor(.moveToLineStart) }
        #expect(binding?.keyLabel == "Home / Ctrl-A")
    }
}
