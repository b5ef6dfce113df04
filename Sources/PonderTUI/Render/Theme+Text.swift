import PonderCore

/// How the text layer's roles look on screen.
extension Theme {
    /// The cell style for styled text; `dim` text (reasoning) gets the dim attribute on top.
    public func style(for text: TextStyle) -> Style {
        var style: Style
        switch text.role {
        case .plain: style = self.text
        case .strong: style = Style(attributes: .bold)
        case .emphasis: style = Style(attributes: .italic)
        case .strongEmphasis: style = Style(attributes: [.bold, .italic])
        case .strikethrough: style = Style(foreground: muted)
        case .inlineCode: style = Style(foreground: inlineCode)
        case .codeBlock: style = Style(foreground: code)
        case .codeFrame, .tableBorder, .rule, .html: style = Style(foreground: muted)
        case .codeLanguage: style = Style(foreground: accent, attributes: .bold)
        case .heading(let level):
            style = Style(foreground: accent, attributes: level <= 2 ? [.bold, .underline] : .bold)
        case .link: style = Style(foreground: link, attributes: .underline)
        case .quote: style = Style(foreground: muted, attributes: .italic)
        case .listMarker: style = Style(foreground: accent)
        case .tableHeader: style = Style(attributes: .bold)
        }
        if text.dim { style.attributes.insert(.dim) }
        if text.sanitized { style = Style(foreground: .red, attributes: style.attributes) }
        if text.searchMatch { style.attributes.insert(.reverse) }
        return style
    }
}
