/// Appearance and behaviour of the full-screen interface, from the `[ui]` table.
public struct UISettings: Equatable, Hashable, Sendable {
    public enum Theme: String, Sendable, CaseIterable { case dark, light }
    public enum PanelSide: String, Sendable, CaseIterable { case left, right }
    /// What the full-screen app shows at start: the most recent conversation or a new one.
    public enum Startup: String, Sendable, CaseIterable { case last, new }

    public var theme: Theme = .dark
    /// Which side of the answer pane the thinking panel sits on.
    public var thinkingPanelSide: PanelSide = .right
    /// The thinking panel's share of the width beside the answer pane, 0.2...0.8.
    public var thinkingPanelRatio: Double = 0.4
    /// Collapse the thinking panel when the answer starts streaming.
    public var collapseThinkingOnAnswer: Bool = false
    /// Whether reasoning of new messages starts folded in the transcript.
    public var foldReasoningByDefault: Bool = true
    /// Whether the conversation sidebar is shown (when the terminal is wide enough).
    public var showSidebar: Bool = true
    /// Ask the provider for a short title after the first answer (never for the local engine).
    public var refineTitles: Bool = false
    /// What the full-screen app opens at start (`ponder --new` always starts a new conversation).
    public var startup: Startup = .last

    public init() {}
}
