import Foundation
import PonderCore
import Testing

@testable import PonderTUI

@Suite struct BrowserSnapshotTests {
    static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer
    }

    static func openBrowser(width: Int, height: Int) -> AppState {
        var state = BrowserFixtures.state(width: width, height: height)
        _ = Reducer.reduce(&state, .input(.key(.ctrl("f")), at: 1))
        _ = Reducer.reduce(&state, .input(.key(KeyPress(.down)), at: 1))
        let id = BrowserFixtures.summaries[1].id
        let messages = [
            Message(conversationID: id, role: .user, answer: "为什么会发生死锁？"),
            Message(
                conversationID: id, role: .assistant, reasoning: "用户问死锁。先想四个必要条件：互斥、持有并等待、不可抢占、循环等待。",
                answer: "死锁需要四个条件同时成立。**打破循环等待**最简单：给锁排序。"),
        ]
        _ = Reducer.reduce(&state, .browser(.previewLoaded(id, messages)))
        return state
    }

    @Test(arguments: [(40, 12), (80, 24), (160, 48)])
    func browserListsGroupedConversations(width: Int, height: Int) throws {
        let state = Self.openBrowser(width: width, height: height)
        try SnapshotAssertion.assertMatches(Self.render(state), named: "browser-list-\(width)x\(height)")
    }

    @Test(arguments: [(40, 12), (80, 24), (160, 48)])
    func browserShowsSearchHits(width: Int, height: Int) throws {
        var state = Self.openBrowser(width: width, height: height)
        for character in "死锁" { _ = Reducer.reduce(&state, .input(.key(.character(character)), at: 2)) }
        _ = Reducer.reduce(&state, .tick(at: 3))
        let generation = state.browser?.searchGeneration ?? 0
        _ = Reducer.reduce(&state, .browser(.searchResults(generation: generation, hits: BrowserFixtures.hits)))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "browser-hits-\(width)x\(height)")
    }

    @Test func browserStyles() throws {
        var state = Self.openBrowser(width: 80, height: 24)
        _ = Reducer.reduce(&state, .input(.key(.character("d")), at: 2))
        try SnapshotAssertion.assertMatches(
            Self.render(state), named: "browser-delete-prompt-80x24", includeStyles: true)
    }

    @Test func emptyBrowser() throws {
        var state = AppState(size: Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .input(.key(.ctrl("f")), at: 1))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "browser-empty-80x24")
    }
}

@Suite struct SidebarSnapshotTests {
    /// The sidebar drawn alone into a screen of the given size (the main screen hides it below 60 columns).
    @Test(arguments: [(40, 12), (80, 24), (160, 48)])
    func sidebarGroupsConversations(width: Int, height: Int) throws {
        var state = BrowserFixtures.state(width: width, height: height)
        state.focus = .sidebar
        state.selectedConversation = 2
        var buffer = ScreenBuffer(size: state.size)
        SidebarView.render(state, in: Rect(size: state.size), theme: .standard, into: &buffer)
        try SnapshotAssertion.assertMatches(buffer, named: "sidebar-\(width)x\(height)")
    }

    @Test func sidebarBesideTheTranscript() throws {
        var state = BrowserFixtures.state(width: 160, height: 48)
        state.selectedConversation = 3
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        try SnapshotAssertion.assertMatches(buffer, named: "sidebar-main-160x48")
    }

    @Test func sidebarScrollsToAFarSelection() throws {
        var state = BrowserFixtures.state(width: 40, height: 6)
        state.selectedConversation = 6
        var buffer = ScreenBuffer(size: state.size)
        SidebarView.render(state, in: Rect(size: state.size), theme: .standard, into: &buffer)
        let lines = buffer.lines()
        #expect(lines.last?.contains("Old tax") == true)
        #expect(lines.contains { $0.contains("Jan 2026") })
    }
}
