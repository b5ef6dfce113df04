/// The fixed tables of `InputDecoder`: control codes and escape-sequence finals.
extension InputDecoder {
    /// C0 controls and DEL as keys: Enter (CR), Tab, Backspace (DEL or BS), Ctrl-letters.
    static func controlKey(_ value: UInt32) -> KeyPress? {
        switch value {
        case 0x0D: return KeyPress(.enter)
        case 0x09: return KeyPress(.tab)
        case 0x7F, 0x08: return KeyPress(.backspace)
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(0x60 + value)!))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        default: return nil
        }
    }

    /// Keys named by a CSI or SS3 final byte (`ESC [ A`, `ESC O P`, …).
    static func finalKey(_ final: Character) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }

    /// Keys named by the number of a `ESC [ n ~` sequence.
    static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23...26: return .function(number - 12)
        case 28, 29: return .function(number - 13)
        case 31...34: return .function(number - 14)
        default: return nil
        }
    }

    /// xterm modifier parameter: 1 + (shift 1, alt 2, ctrl 4; meta 8 counts as alt).
    static func modifiers(_ parameter: Int?) -> KeyModifiers {
        guard let parameter, parameter > 1 else { return [] }
        let bits = parameter - 1
        var result: KeyModifiers = []
        if bits & 1 != 0 { result.insert(.shift) }
        if bits & 2 != 0 || bits & 8 != 0 { result.insert(.alt) }
        if bits & 4 != 0 { result.insert(.ctrl) }
        return result
    }

    /// The event of a complete CSI sequence; `.paste("")` marks the start of a bracketed paste.
    static func csiEvent(parameters: String, final: Character) -> InputEvent? {
        if parameters.hasPrefix("<") && (final == "M" || final == "m") {
            return sgrMouse(parameters.dropFirst(), pressed: final == "M")
        }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first ?? nil
        let modifierParameter = numbers.count > 1 ? numbers[1] : nil
        if final == "~" {
            if first == 200 { return .paste("") }
            guard let first, let key = tildeKey(first) else { return nil }
            return .key(KeyPress(key, modifiers(modifierParameter)))
        }
        if final == "Z" { return .key(KeyPress(.backTab)) }
        guard let key = finalKey(final) else { return nil }
        return .key(KeyPress(key, modifiers(modifierParameter)))
    }

    /// SGR (1006) mouse report `ESC [ < b ; x ; y M|m`, coordinates 1-based.
    static func sgrMouse(_ parameters: Substring, pressed: Bool) -> InputEvent? {
        let fields = parameters.split(separator: ";").compactMap { Int($0) }
        guard fields.count == 3 else { return nil }
        let code = fields[0]
        let position = Point(x: fields[1] - 1, y: fields[2] - 1)
        if code & 32 != 0 { return nil }  // motion
        if code & 64 != 0 {
            return .mouse(MouseEvent(code & 1 == 0 ? .wheelUp : .wheelDown, at: position))
        }
        guard pressed else { return .mouse(MouseEvent(.release, at: position)) }
        return .mouse(MouseEvent(.press(button: (code & 3) + 1), at: position))
    }
}
