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
}
