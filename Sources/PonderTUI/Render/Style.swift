/// A terminal color. `standard` covers the 16 ANSI colors (0–7 normal, 8–15 bright); `indexed`
/// is the 256-color palette. Terminals with fewer colors get the nearest fallback.
public enum Color: Hashable, Sendable {
    case `default`
    case standard(UInt8)
    case indexed(UInt8)

    public static let black = Color.standard(0)
    public static let red = Color.standard(1)
    public static let green = Color.standard(2)
    public static let yellow = Color.standard(3)
    public static let blue = Color.standard(4)
    public static let magenta = Color.standard(5)
    public static let cyan = Color.standard(6)
    public static let white = Color.standard(7)
    public static let brightBlack = Color.standard(8)
}

/// Text attributes of a cell.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// How a cell looks: colors and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}
