import Foundation
import PonderCore
import PonderTUI
import Testing

@Suite struct ScreenSnapshotTests {
    static func sampleState(width: Int, height: Int) -> AppState {
        var state = AppState(
            size: Size(width: width, height: height), providerLabel: "deepseek", modelLabel: "深度思考-R1 🤔")
        state.listing = ConversationListing(
            summaries: [
                Conversation(title: "量子计算入门 ⚛️", pinned: true),
                Conversation(title: "Rust vs Swift 🦀"),
                Conversation(title: "👨‍👩‍👧 Family trip plans"),
                Conversation(title: "Café résumé notes"),
            ].map { ConversationSummary(conversation: $0, messageCount: 0) })
        state.editor = EditorState(text: "你好，世界！Explain 量子 entanglement 🧠")
        return state
    }

    static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer
    }

    @Test(arguments: [(40, 12), (80, 24), (160, 48)])
    func mainScreenWithCJKAndEmoji(width: Int, height: Int) throws {
        let buffer = Self.render(Self.sampleState(width: width, height: height))
        try SnapshotAssertion.assertMatches(buffer, named: "main-\(width)x\(height)")
    }

    @Test(arguments: [(40, 12), (80, 24), (160, 48)])
    func emptyFirstScreen(width: Int, height: Int) throws {
        let state = AppState(size: Size(width: width, height: height))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "empty-\(width)x\(height)")
    }

    @Test func mainScreenStyles() throws {
        var state = Self.sampleState(width: 80, height: 24)
        state.notice = Notice("Press Ctrl-C again to quit")
        try SnapshotAssertion.assertMatches(Self.render(state), named: "styles-80x24", includeStyles: true)
    }

    @Test(arguments: [(40, 12), (80, 24)])
    func helpOverlay(width: Int, height: Int) throws {
        var state = Self.sampleState(width: width, height: height)
        state.overlay = .help(scroll: 0)
        try SnapshotAssertion.assertMatches(Self.render(state), named: "help-\(width)x\(height)")
    }

    @Test func collapsedThinkingAndFocusedSidebar() throws {
        var state = Self.sampleState(width: 160, height: 48)
        state.thinkingCollapsed = true
        state.focus = .sidebar
        state.selectedConversation = 2
        try SnapshotAssertion.assertMatches(Self.render(state), named: "collapsed-160x48")
    }

    @Test func tooSmall() throws {
        let state = Self.sampleState(width: 30, height: 8)
        try SnapshotAssertion.assertMatches(Self.render(state), named: "too-small-30x8")
    }
}
