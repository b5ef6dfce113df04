import CNcurses

/// ncurses keypad codes to key presses. Modified arrows and friends have no fixed codes in
/// ncurses; they are recognised by their terminfo names (`kLFT5` = Ctrl-Left, `kDC3` = Alt-Delete).
enum NcursesKeypad {
    static func keyPress(_ code: Int32, f0: Int32, name: String?) -> KeyPress? {
        switch code {
        case KEY_UP: return KeyPress(.up)
        case KEY_DOWN: return KeyPress(.down)
        case KEY_LEFT: return KeyPress(.left)
        case KEY_RIGHT: return KeyPress(.right)
        case KEY_SLEFT: return KeyPress(.left, .shift)
        case KEY_SRIGHT: return KeyPress(.right, .shift)
        case KEY_SR: return KeyPress(.up, .shift)
        case KEY_SF: return KeyPress(.down, .shift)
        case KEY_HOME: return KeyPress(.home)
        case KEY_END: return KeyPress(.end)
        case KEY_PPAGE: return KeyPress(.pageUp)
        case KEY_NPAGE: return KeyPress(.pageDown)
        case KEY_DC: return KeyPress(.delete)
        case KEY_IC: return KeyPress(.insert)
        case KEY_BACKSPACE: return KeyPress(.backspace)
        case KEY_ENTER: return KeyPress(.enter)
        case KEY_BTAB: return KeyPress(.backTab)
        default: break
        }
        if code > f0 && code <= f0 + 63 {
            let number = Int(code - f0)
            switch number {
            case 1...12: return KeyPress(.function(number))
            case 13...24: return KeyPress(.function(number - 12), .shift)
            case 25...36: return KeyPress(.function(number - 24), .ctrl)
            default: return KeyPress(.function(number))
            }
        }
        guard let name else { return nil }
        return extendedKey(name)
    }

    /// Names like `kUP5`, `kLFT3`, `kHOM6`: a key stem and an xterm modifier parameter.
    static func extendedKey(_ name: String) -> KeyPress? {
        let stems: [(String, Key)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home),
            ("kEND", .end), ("kDC", .delete), ("kIC", .insert), ("kNXT", .pageDown), ("kPRV", .pageUp),
        ]
        for (stem, key) in stems where name.hasPrefix(stem) {
            guard let parameter = Int(name.dropFirst(stem.count)) else { return nil }
            return KeyPress(key, InputDecoder.modifiers(parameter))
        }
        return nil
    }
}
