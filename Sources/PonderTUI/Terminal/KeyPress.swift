/// A key, independent of modifiers.
public enum Key: Hashable, Sendable {
    /// A printable grapheme cluster; for Ctrl and Alt combos, the lowercase letter or symbol.
    case character(Character)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F24.
    case function(Int)
}

/// Modifier keys held with a key.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = KeyModifiers(rawValue: 1 << 0)
    public static let alt = KeyModifiers(rawValue: 1 << 1)
    public static let ctrl = KeyModifiers(rawValue: 1 << 2)
}

/// One key press with its modifiers.
public struct KeyPress: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var modifiers: KeyModifiers

    public init(_ key: Key, _ modifiers: KeyModifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    public static func character(_ character: Character, _ modifiers: KeyModifiers = []) -> KeyPress {
        KeyPress(.character(character), modifiers)
    }

    public static func ctrl(_ character: Character) -> KeyPress { KeyPress(.character(character), .ctrl) }
    public static func alt(_ key: Key) -> KeyPress { KeyPress(key, .alt) }

    /// The label shown in help and hints, e.g. `Ctrl-Q`, `Alt-Enter`, `F1`, `PgUp`.
    public var description: String {
        var parts = ""
        if modifiers.contains(.ctrl) { parts += "Ctrl-" }
        if modifiers.contains(.alt) { parts += "Alt-" }
        if modifiers.contains(.shift) { parts += "Shift-" }
        return parts + keyName
    }

    private var keyName: String {
        switch key {
        case .character(" "): return "Space"
        case .character(let character):
            return modifiers.contains(.ctrl) ? character.uppercased() : String(character)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        }
    }
}
