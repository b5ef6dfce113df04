import PonderCore
import PonderTUI
import Testing

/// `[keys]` in the config file: key syntax, action names, and the remapped keymap.
@Suite struct KeyRemapTests {
    @Test func keysAreReadLikeTheHelpWritesThem() {
        #expect(KeySpec("ctrl-t") == KeySpec(name: .character("t"), ctrl: true))
        #expect(KeySpec("Alt-Enter") == KeySpec(name: .enter, alt: true))
        #expect(KeySpec("f12") == KeySpec(name: .function(12)))
        #expect(KeySpec("-") == KeySpec(name: .character("-")))
        #expect(KeySpec("ctrl--") == KeySpec(name: .character("-"), ctrl: true))
        #expect(KeySpec(" pgdn ") == KeySpec(name: .pageDown))
        #expect(KeySpec("hyper-x") == nil)
        #expect(KeySpec("f99") == nil)
        #expect(KeySpec("word") == nil)
        #expect(KeySpec.list("ctrl-s, f3")?.count == 2)
        #expect(KeySpec.list("ctrl-s, nope") == nil)
    }

    @Test func everyActionNameIsBindable() {
        for name in KeyRemap.actionNames {
            let keymap = Keymap.standard.remapped([name: "f24"])
            #expect(keymap.bindings.contains { $0.keys == [KeyPress(.function(24))] }, "\(name) is bound to F24")
        }
    }

    @Test func aRemapReplacesTheDefaultsAndWinsOverOtherUses() {
        let keymap = Keymap.standard.remapped(["toggle-thinking-panel": "ctrl-o, f3", "find": "ctrl-s"])
        let always: (BindingCondition) -> Bool = { _ in true }
        #expect(
            keymap.binding(for: .ctrl("o"), in: .global, satisfying: always)?.action == .layout(.toggleThinkingPanel))
        #expect(
            keymap.binding(for: KeyPress(.function(3)), in: .global, satisfying: always)?.action
                == .layout(.toggleThinkingPanel))
        #expect(keymap.binding(for: .ctrl("t"), in: .global, satisfying: always) == nil)
        #expect(keymap.binding(for: .ctrl("s"), in: .pane, satisfying: always)?.action == .find(.start))
        #expect(keymap.binding(for: .character("/"), in: .pane, satisfying: always) == nil)
        var state = AppState(size: Size(width: 120, height: 30))
        _ = Reducer.reduce(&state, .input(.key(.ctrl("o")), at: 0), keymap: keymap)
        #expect(state.thinkingCollapsed)
    }

    /// The status bar's hints are picked out of the keymap ahead of the frames: a remapped key shows in them.
    @Test func theStatusBarHintsFollowARemap() {
        let keymap = Keymap.standard.remapped(["toggle-thinking-panel": "ctrl-o, f3"])
        let thinking = keymap.hints(for: [.editor, .global]).first { $0.hint == "thinking" }
        #expect(thinking?.keys.first?.description == "Ctrl-O")
        var edited = Keymap.standard
        edited.bindings.removeAll { $0.hint == "thinking" }
        #expect(edited.hints(for: [.global]).allSatisfy { $0.hint != "thinking" })
        #expect(Keymap.standard.hints(for: [.global]).contains { $0.hint == "thinking" })
    }

    @Test func theConfigReaderReportsUnknownActionsAndKeysWithTheirLines() throws {
        let text = """
            [keys]
            toggle-thinking-panel = "ctrl-y"
            fly = "ctrl-k"
            find = "super-s"
            """
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "config.toml") }
        do {
            _ = try ConfigLoader.parse(text, file: "config.toml")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains { $0.hasPrefix("config.toml:3") && $0.contains("unknown action \"fly\"") })
            #expect(
                messages.contains { $0.hasPrefix("config.toml:4") && $0.contains("cannot read the key \"super-s\"") })
        }
    }
}
