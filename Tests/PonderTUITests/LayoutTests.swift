import PonderTUI
import Testing

@Suite struct LayoutTests {
    static func layout(_ width: Int, _ height: Int, sidebar: Bool? = nil, collapsed: Bool = false, editor: String = "")
        -> Layout
    {
        Layout(
            size: Size(width: width, height: height), sidebarPreference: sidebar, thinkingCollapsed: collapsed,
            editor: EditorState(text: editor))
    }

    @Test func wideScreenHasSidebarTranscriptAndThinkingBeside() {
        let layout = Self.layout(160, 48)
        #expect(layout.sidebar == Rect(x: 0, y: 0, width: 32, height: 45))
        #expect(layout.transcript == Rect(x: 33, y: 0, width: 77, height: 45))
        #expect(layout.thinking == Rect(x: 111, y: 0, width: 49, height: 45))
        #expect(layout.editor == Rect(x: 0, y: 45, width: 160, height: 2))
        #expect(layout.statusBar == Rect(x: 0, y: 47, width: 160, height: 1))
        #expect(layout.separators.count == 2)
    }

    @Test func sidebarHidesItselfBelowTheThresholdUnlessAsked() {
        #expect(Self.layout(99, 30).sidebar == nil)
        #expect(Self.layout(100, 30).sidebar != nil)
        #expect(Self.layout(80, 24, sidebar: true).sidebar != nil)
        #expect(Self.layout(160, 48, sidebar: false).sidebar == nil)
    }

    @Test func thinkingPanelTakesAboutFortyPercentAndGivesWayWhenNarrow() {
        let layout = Self.layout(80, 24)
        #expect(layout.transcript.width == 48)
        #expect(layout.thinking?.width == 31)
        #expect(Self.layout(59, 24).thinking == nil)
        #expect(Self.layout(59, 24).transcript.width == 59)
    }

    @Test func thePanelRatioAndSideAreSettings() {
        let size = Size(width: 100, height: 24)
        let wide = Layout(
            size: size, sidebarPreference: false, thinkingCollapsed: false, editor: EditorState(), panelRatio: 0.6)
        #expect(wide.thinking?.width == 59)
        #expect(wide.transcript.width == 40)
        let capped = Layout(
            size: size, sidebarPreference: false, thinkingCollapsed: false, editor: EditorState(), panelRatio: 0.8)
        #expect(capped.transcript.width == Layout.transcriptMinimumWidth, "the answers keep a readable width")
        let left = Layout(
            size: size, sidebarPreference: false, thinkingCollapsed: false, editor: EditorState(), panelOnLeft: true)
        #expect(left.thinking == Rect(x: 0, y: 0, width: 39, height: 21))
        #expect(left.separators == [Rect(x: 39, y: 0, width: 1, height: 21)])
        #expect(left.transcript == Rect(x: 40, y: 0, width: 60, height: 21))
        let leftStrip = Layout(
            size: size, sidebarPreference: false, thinkingCollapsed: true, editor: EditorState(), panelOnLeft: true)
        #expect(leftStrip.thinking == Rect(x: 0, y: 0, width: 1, height: 21))
        #expect(leftStrip.transcript.x == 2)
    }

    @Test func keysResizeAndMoveThePanel() {
        var state = AppState(size: Size(width: 100, height: 24))
        state.sidebarPreference = false
        state.focus = .transcript
        _ = Reducer.reduce(&state, .input(.key(.character("+")), at: 0))
        #expect(state.thinkingPanelRatio == 0.45)
        #expect(state.layout.thinking?.width == 44)
        for _ in 0..<10 { _ = Reducer.reduce(&state, .input(.key(.character("-")), at: 0)) }
        #expect(state.thinkingPanelRatio == 0.2)
        _ = Reducer.reduce(&state, .input(.key(.character("|")), at: 0))
        #expect(state.layout.thinking?.x == 0)
    }

    @Test func collapsedThinkingIsAThinStrip() {
        let layout = Self.layout(80, 24, collapsed: true)
        #expect(layout.thinking == Rect(x: 79, y: 0, width: 1, height: 21))
        #expect(layout.transcript.width == 78)
        #expect(!layout.visiblePanes.contains(.thinking))
    }

    @Test func editorGrowsWithItsLinesUpToALimit() {
        #expect(Self.layout(80, 24, editor: "a\nb\nc").editor.height == 4)
        #expect(Self.layout(80, 24, editor: String(repeating: "x\n", count: 30)).editor.height == 8)
        #expect(Self.layout(40, 12, editor: "a\nb\nc").editor.height == 4)
    }

    @Test func tooSmallBelowTheMinimum() {
        #expect(Self.layout(39, 24).isTooSmall)
        #expect(Self.layout(80, 9).isTooSmall)
        #expect(!Self.layout(40, 10).isTooSmall)
    }

    @Test func hitTesting() {
        let layout = Self.layout(160, 48)
        #expect(layout.pane(at: Point(x: 5, y: 5)) == .sidebar)
        #expect(layout.pane(at: Point(x: 50, y: 5)) == .transcript)
        #expect(layout.pane(at: Point(x: 120, y: 5)) == .thinking)
        #expect(layout.pane(at: Point(x: 5, y: 46)) == .editor)
        #expect(layout.pane(at: Point(x: 32, y: 5)) == nil)
    }
}
