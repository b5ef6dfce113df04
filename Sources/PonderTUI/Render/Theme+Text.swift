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
        case .strikethrough: style = Style(foreground: .brightBlack)
        case .inlineCode: style = Style(foreground: .yellow)
        case .codeBlock: style = Style(foreground: .green)
        case .codeFrame, .tableBorder, .rule, .html: style = Style(foreground: .brightBlack)
        case .codeLanguage: style = Style(foreground: .cyan, attributes: .bold)
        case .heading(let level):
            style = Style(foreground: .cyan, attributes: level <= 2 ? [.bold, .underline] : .bold)
        case .link: style = Style(foreground: .blue, attributes: .underline)
        case .quote: style = Style(foreground: .brightBlack, attributes: .italic)
        case .listMarker: style = Style(foreground: .cyan)
        case .tableHeader: style = Style(attributes: .bold)
        }
        if text.dim { style.attributes.insert(.dim) }
        if text.sanitized { style = Style(foreground: .red, attributes: style.attributes) }
        if text.searchMatch { style.attributes.insert(.reverse) }
        return style
    }
}
