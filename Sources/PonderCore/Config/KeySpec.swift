/// A key written in the config file's `[keys]` table: `ctrl-t`, `alt-enter`, `f2`, `g`,
/// `shift-tab`, `pgdn`. Only its meaning lives here; the interface turns it into a key press.
public struct KeySpec: Hashable, Sendable {
    public enum Name: Hashable, Sendable {
        case character(Character)
        case enter, tab, backspace, delete, insert, escape
        case up, down, left, right, home, end, pageUp, pageDown
        case function(Int)
    }

    public var name: Name
    public var ctrl = false
    public var alt = false
    public var shift = false

    private static let names: [String: Name] = [
        "enter": .enter, "return": .enter, "tab": .tab, "backspace": .backspace, "delete": .delete, "del": .delete,
        "insert": .insert, "esc": .escape, "escape": .escape, "up": .up, "down": .down, "left": .left,
        "right": .right, "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
        "pagedown": .pageDown, "space": .character(" "),
    ]

    public init(name: Name, ctrl: Bool = false, alt: Bool = false, shift: Bool = false) {
        self.name = name
        self.ctrl = ctrl
        self.alt = alt
        self.shift = shift
    }

    /// One key, e.g. `ctrl-t`; nil when it cannot be read.
    public init?(_ text: String) {
        var rest = Substring(text.trimmingWhitespace)
        while let dash = rest.firstIndex(of: "-"), dash != rest.startIndex, rest.index(after: dash) != rest.endIndex {
            switch rest[..<dash].lowercased() {
            case "ctrl", "c": ctrl = true
            case "alt", "meta", "m", "a": alt = true
            case "shift", "s": shift = true
            default: return nil
            }
            rest = rest[rest.index(after: dash)...]
        }
        let word = rest.lowercased()
        if let name = Self.names[word] {
            self.name = name
        } else if word.count > 1, word.first == "f", let number = Int(word.dropFirst()), (1...24).contains(number) {
            name = .function(number)
        } else if rest.count == 1, let character = rest.first {
            name = .character(ctrl || alt ? Character(character.lowercased()) : character)
        } else {
            return nil
        }
    }

    /// Several keys separated by commas (`"ctrl-t, f3"`); nil when any cannot be read.
    public static func list(_ text: String) -> [KeySpec]? {
        let parts = text.split(separator: ",").map(String.init)
        guard !parts.isEmpty else { return nil }
        let keys = parts.compactMap(KeySpec.init)
        return keys.count == parts.count ? keys : nil
    }
}

/// The actions `[keys]` can bind, by the names the config file uses.
public enum KeyRemap {
    public static let actionNames: [String] = [
        "quit", "interrupt", "show-help", "close-overlay", "toggle-sidebar", "toggle-thinking-panel",
        "widen-thinking-panel", "narrow-thinking-panel", "swap-thinking-panel-side", "focus-next", "focus-previous",
        "scroll-up", "scroll-down", "page-up", "page-down", "scroll-to-top", "scroll-to-bottom", "submit",
        "insert-newline", "delete-backward", "delete-forward", "delete-word-backward", "delete-to-line-start",
        "delete-to-line-end", "move-left", "move-right", "move-up", "move-down", "move-to-line-start",
        "move-to-line-end", "move-word-backward", "move-word-forward", "edit-in-external-editor", "cancel-stream",
        "toggle-fold", "toggle-all-folds", "select-previous-message", "select-next-message", "regenerate",
        "continue-answer", "previous-sibling", "next-sibling", "previous-question-version", "next-question-version",
        "edit-question", "copy", "copy-code-block", "find", "find-next", "find-previous", "open-browser",
        "new-conversation", "show-error",
        "toggle-outline", "previous-step", "next-step", "previous-reflection", "next-reflection", "show-statistics",
        "show-effort",
        "pick-model", "cycle-effort", "edit-system-prompt", "pick-preset", "set-budget",
    ]
}
