/// Semantic style of a run of text. It names what the text *is* (a heading, inline code, a
/// table border…) and never a colour: PonderTUI maps each role to its theme. Three flags ride
/// along: `dim` (reasoning is shown dimmer than the answer), `searchMatch` (highlighted search
/// hit) and `sanitized` (a control character or escape sequence made visible).
public struct TextStyle: Hashable, Sendable {
    /// What the text is.
    public var role: TextRole
    /// Drawn dimmer than normal text (reasoning, link targets).
    public var dim: Bool
    /// Part of a search hit.
    public var searchMatch: Bool
    /// A neutralised control character or escape sequence, shown as visible symbols.
    public var sanitized: Bool

    public init(_ role: TextRole = .plain, dim: Bool = false, searchMatch: Bool = false, sanitized: Bool = false) {
        self.role = role
        self.dim = dim
        self.searchMatch = searchMatch
        self.sanitized = sanitized
    }

    /// Ordinary text.
    public static let plain = TextStyle()

    /// The same style with another role.
    public func with(role: TextRole) -> TextStyle {
        var copy = self
        copy.role = role
        return copy
    }

    /// The same style, dimmed.
    public var dimmed: TextStyle {
        var copy = self
        copy.dim = true
        return copy
    }
}

/// The roles text can play on screen.
public enum TextRole: Hashable, Sendable {
    case plain
    case strong
    case emphasis
    case strongEmphasis
    case strikethrough
    case inlineCode
    /// The code inside a fenced or indented code block.
    case codeBlock
    /// The box-drawing frame around a code block.
    case codeFrame
    /// The language name shown in a code block's frame.
    case codeLanguage
    /// Heading text, level 1 to 6 (underlines of levels 1 and 2 use the same role).
    case heading(Int)
    case link
    /// Text inside a block quote, and the quote bar.
    case quote
    /// Bullets, numbers and task boxes of list items.
    case listMarker
    case tableBorder
    /// Text of a table's header row.
    case tableHeader
    /// A thematic break (horizontal rule).
    case rule
    /// Raw HTML from the source, shown literally.
    case html
}
