import CNcurses

/// Maps Ponder styles to ncurses attributes and color pairs, allocating pairs on first use and
/// falling back gracefully: 256-color indices become the nearest of the 8 basic colors on small
/// palettes, bright colors become bold on 8-color terminals, and with no colors (or `NO_COLOR`)
/// only the attributes remain.
struct NcursesPalette {
    let colorCount: Int
    let defaultColors: Bool
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(colorCount: Int, defaultColors: Bool) {
        self.colorCount = colorCount
        self.defaultColors = defaultColors
    }

    mutating func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = cn_a_normal()
        if style.attributes.contains(.bold) { attributes |= cn_a_bold() }
        if style.attributes.contains(.dim) { attributes |= cn_a_dim() }
        if style.attributes.contains(.italic) { attributes |= cn_a_italic() }
        if style.attributes.contains(.underline) { attributes |= cn_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= cn_a_reverse() }
        guard colorCount > 0 else { return (attributes, 0) }
        let (foreground, brightened) = resolve(style.foreground, isForeground: true)
        let (background, _) = resolve(style.background, isForeground: false)
        if brightened { attributes |= cn_a_bold() }
        return (attributes, pair(foreground: foreground, background: background))
    }

    private mutating func pair(foreground: Int16, background: Int16) -> Int16 {
        if foreground == -1 && background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < cn_color_pairs() else { return 0 }
        init_pair(number, foreground, background)
        pairs[key] = number
        return number
    }

    /// The ncurses color number, and whether brightness had to become bold instead.
    private func resolve(_ color: Color, isForeground: Bool) -> (Int16, Bool) {
        switch color {
        case .default:
            if defaultColors { return (-1, false) }
            return (isForeground ? 7 : 0, false)
        case .standard(let index):
            if Int(index) < colorCount { return (Int16(index), false) }
            return (Int16(index % 8), isForeground && index >= 8)
        case .indexed(let index):
            if Int(index) < colorCount { return (Int16(index), false) }
            if index < 16 { return resolve(.standard(index), isForeground: isForeground) }
            return (Self.nearestBasic(index), false)
        }
    }

    /// The nearest of the 8 basic colors to a 256-palette entry (6x6x6 cube or gray ramp).
    static func nearestBasic(_ index: UInt8) -> Int16 {
        if index >= 232 { return index >= 244 ? 7 : 0 }
        let cube = Int(index) - 16
        let red = cube / 36
        let green = (cube / 6) % 6
        let blue = cube % 6
        return Int16((red >= 3 ? 1 : 0) | (green >= 3 ? 2 : 0) | (blue >= 3 ? 4 : 0))
    }
}
