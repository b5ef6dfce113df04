import PonderCore
import PonderTUI
import Testing

/// Themes: dark and light, 16-color safe unless the terminal has 256 colors.
@Suite struct ThemeChoiceTests {
    static func colors(of theme: Theme) -> [Color] {
        let styles = [
            theme.text, theme.paneTitle, theme.focusedPaneTitle, theme.separator, theme.emptyState, theme.thinkingText,
            theme.warning, theme.statusBar, theme.searchMatch,
        ]
        return styles.flatMap { [$0.foreground, $0.background] } + [
            theme.accent, theme.muted, theme.code, theme.inlineCode, theme.link,
        ]
    }

    @Test func sixteenColorTerminalsGetOnlyTheSixteenColors() {
        for setting in UISettings.Theme.allCases {
            let theme = Theme.make(setting, colorCount: 16)
            #expect(Self.colors(of: theme).allSatisfy { if case .indexed = $0 { false } else { true } })
        }
        #expect(Theme.make(.dark, colorCount: 8) == .standard)
    }

    @Test func lightAvoidsYellowAndCyanText() {
        let theme = Theme.make(.light, colorCount: 16)
        #expect(![Color.yellow, .cyan].contains(theme.accent))
        #expect(theme.inlineCode != .yellow)
        #expect(theme.warning.foreground != .yellow)
        #expect(theme.style(for: TextStyle(.heading(1))).foreground == .blue)
    }

    @Test func twoHundredFiftySixColorTerminalsGetSofterColors() {
        let theme = Theme.make(.dark, colorCount: 256)
        #expect(theme.muted == .indexed(245))
        #expect(theme.thinkingText.foreground == .indexed(140))
        #expect(theme.style(for: TextStyle(.codeBlock)).foreground == .indexed(114))
    }
}
