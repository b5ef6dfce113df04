import PonderCore

/// The styles of every part of the screen, by role. Views ask the theme, never hard-code colors.
public struct Theme: Equatable, Sendable {
    public var text: Style
    public var dimText: Style
    public var paneTitle: Style
    public var focusedPaneTitle: Style
    public var separator: Style
    public var emptyState: Style
    public var selection: Style
    public var thinkingText: Style
    public var editorText: Style
    public var editorPlaceholder: Style
    public var statusBar: Style
    public var statusNotice: Style
    public var statusHintKey: Style
    public var overlay: Style
    public var overlayTitle: Style
    public var overlayKey: Style
    public var warning: Style
    /// Text matching a `/` search, and the search prompt's query.
    public var searchMatch: Style
    /// The current `/` search match (the one n / N move from), set apart from the others.
    public var searchCurrent = Style(foreground: .black, background: .green, attributes: [.bold, .underline])
    /// Markdown colors: headings, list markers and code languages; rules, frames and quotes;
    /// code blocks; inline code; links.
    public var accent: Color = .cyan
    public var muted: Color = .brightBlack
    public var code: Color = .green
    public var inlineCode: Color = .yellow
    public var link: Color = .blue

    /// The default dark-on-terminal-background theme, using only the 16 standard colors so it
    /// looks the same everywhere (the terminal maps them to its palette).
    public static let standard = Theme(
        text: .plain,
        dimText: Style(attributes: .dim),
        paneTitle: Style(foreground: .brightBlack, attributes: .bold),
        focusedPaneTitle: Style(foreground: .cyan, attributes: .bold),
        separator: Style(foreground: .brightBlack),
        emptyState: Style(foreground: .brightBlack, attributes: .italic),
        selection: Style(attributes: .reverse),
        thinkingText: Style(foreground: .magenta, attributes: .italic),
        editorText: .plain,
        editorPlaceholder: Style(foreground: .brightBlack, attributes: .italic),
        statusBar: Style(foreground: .black, background: .cyan),
        statusNotice: Style(foreground: .black, background: .yellow, attributes: .bold),
        statusHintKey: Style(foreground: .black, background: .cyan, attributes: .bold),
        overlay: Style(foreground: .white, background: .blue),
        overlayTitle: Style(foreground: .yellow, background: .blue, attributes: .bold),
        overlayKey: Style(foreground: .cyan, background: .blue, attributes: .bold),
        warning: Style(foreground: .yellow, attributes: .bold),
        searchMatch: Style(foreground: .black, background: .yellow)
    )

    /// For light terminal backgrounds: no yellow or cyan text (unreadable on white), darker accents.
    public static let light: Theme = {
        var theme = Theme.standard
        theme.focusedPaneTitle = Style(foreground: .blue, attributes: .bold)
        theme.warning = Style(foreground: .red, attributes: .bold)
        theme.accent = .blue
        theme.inlineCode = .magenta
        theme.code = .green
        return theme
    }()

    /// The theme for a setting and a terminal: the 16-color theme as it is, or on terminals with
    /// 256 colors softer grays and a calmer purple for reasoning (16-color safe by default).
    public static func make(_ setting: UISettings.Theme, colorCount: Int) -> Theme {
        var theme = setting == .light ? Theme.light : Theme.standard
        guard colorCount >= 256 else { return theme }
        let muted: Color = setting == .light ? .indexed(243) : .indexed(245)
        theme.muted = muted
        theme.paneTitle.foreground = muted
        theme.separator.foreground = setting == .light ? .indexed(250) : .indexed(240)
        theme.emptyState.foreground = muted
        theme.editorPlaceholder.foreground = muted
        theme.thinkingText.foreground = setting == .light ? .indexed(96) : .indexed(140)
        theme.accent = setting == .light ? .indexed(25) : .indexed(74)
        theme.focusedPaneTitle.foreground = theme.accent
        theme.code = setting == .light ? .indexed(28) : .indexed(114)
        theme.inlineCode = setting == .light ? .indexed(130) : .indexed(179)
        theme.link = setting == .light ? .indexed(26) : .indexed(75)
        return theme
    }
}
