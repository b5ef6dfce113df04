import Foundation
import PonderCore
import Testing

@testable import PonderTUI

@Suite struct BrowserReducerTests {
    typealias Fixtures = BrowserFixtures

    static func opened(width: Int = 100, height: Int = 30) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        _ = Reducer.reduce(&state, .input(.key(.ctrl("f")), at: 1))
        return state
    }

    @discardableResult
    static func press(_ state: inout AppState, _ press: KeyPress, at time: Double = 1) -> [Effect] {
        Reducer.reduce(&state, .input(.key(press), at: time))
    }

    @discardableResult
    static func type(_ state: inout AppState, _ text: String, at time: Double) -> [Effect] {
        text.flatMap { press(&state, .character($0), at: time) }
    }

    @Test func oneKeyOpensTheBrowserOnTheSidebarSelection() {
        var state = Fixtures.state(width: 100, height: 30)
        state.selectedConversation = 2
        let effects = Self.press(&state, .ctrl("f"))
        #expect(state.browser?.selection == 2)
        #expect(
            effects == [
                .browser(.loadList(includeArchived: false)), .browser(.loadPreview(Fixtures.summaries[2].id)),
            ])
        #expect(Keymap.standard.bindings.contains { $0.action == .app(.openBrowser) })
    }

    @Test func movementKeysMoveTheSelectionWithinBounds() {
        var state = Self.opened()
        Self.press(&state, .character("j"))
        Self.press(&state, KeyPress(.down))
        #expect(state.browser?.selection == 2)
        Self.press(&state, .character("k"))
        #expect(state.browser?.selection == 1)
        let effects = Self.press(&state, .character("G"))
        #expect(state.browser?.selection == Fixtures.summaries.count - 1)
        #expect(effects == [.browser(.loadPreview(Fixtures.summaries.last!.id))])
        Self.press(&state, .character("j"))
        #expect(state.browser?.selection == Fixtures.summaries.count - 1)
        Self.press(&state, .character("g"))
        #expect(state.browser?.selection == 0)
        Self.press(&state, KeyPress(.pageDown))
        #expect(state.browser?.selection == Fixtures.summaries.count - 1)
    }

    @Test func theListScrollsToKeepTheSelectionVisible() {
        var state = Self.opened(width: 40, height: 10)
        let listHeight = BrowserLayout(size: state.size).list.height
        Self.press(&state, .character("G"))
        let top = state.browser?.top ?? -1
        let row = SidebarGrouping.rowIndex(ofConversation: Fixtures.summaries.count - 1, in: state.listing.rows) ?? 0
        #expect(top > 0 && row >= top && row < top + listHeight)
        Self.press(&state, .character("g"))
        #expect(state.browser?.top == 0)
    }

    @Test func typingIsDebouncedAndOnlyTheLatestSearchCounts() {
        var state = Self.opened()
        Self.press(&state, .character("/"))
        #expect(Self.type(&state, "死", at: 10.0).isEmpty)
        #expect(Self.type(&state, "锁", at: 10.05).isEmpty)
        #expect(state.nextDeadline == 10.15)
        #expect(Reducer.reduce(&state, .tick(at: 10.1)).isEmpty)
        let first = Reducer.reduce(&state, .tick(at: 10.16))
        #expect(first == [.browser(.search("死锁", generation: 1, includeArchived: false))])
        #expect(state.browser?.isSearching == true)
        Self.type(&state, "x", at: 10.2)
        _ = Reducer.reduce(&state, .tick(at: 10.31))
        #expect(state.browser?.searchGeneration == 2)
        // The answer to the first query arrives late: dropped.
        _ = Reducer.reduce(&state, .browser(.searchResults(generation: 1, hits: Fixtures.hits)))
        #expect(state.browser?.hits == [])
        let effects = Reducer.reduce(
            &state, .browser(.searchResults(generation: 2, hits: Array(Fixtures.hits.prefix(2)))))
        #expect(state.browser?.hits.count == 2)
        #expect(state.browser?.hitsQuery == "死锁x")
        #expect(state.browser?.isSearching == false)
        #expect(effects == [.browser(.loadPreview(Fixtures.hits[0].conversationID))])
    }

    @Test func aLetterWithoutACommandStartsASearch() {
        var state = Self.opened()
        Self.press(&state, .character("z"), at: 5)
        #expect(state.browser?.focus == .query)
        #expect(state.browser?.query == "z")
        Self.press(&state, KeyPress(.backspace), at: 5)
        #expect(state.browser?.query == "")
        #expect(state.browser?.searchDueAt == nil)
    }

    @Test func enterOnAThinkingHitOpensTheConversationAtThatSpot() {
        var state = Self.opened()
        Self.type(&state, "/死锁", at: 2)
        _ = Reducer.reduce(&state, .tick(at: 3))
        _ = Reducer.reduce(&state, .browser(.searchResults(generation: 1, hits: Fixtures.hits)))
        state.thinkingCollapsed = true
        let effects = Self.press(&state, KeyPress(.enter))
        let hit = Fixtures.hits[0]
        #expect(state.browser == nil)
        #expect(state.selectedConversation == 1)
        #expect(state.thinkingCollapsed == false)
        #expect(state.focus == .thinking)
        #expect(
            effects == [
                .openConversation(
                    hit.conversationID,
                    focus: SearchFocus(messageID: hit.messageID!, field: .reasoning, characterOffset: 42, query: "死锁"))
            ])
    }

    @Test func deleteAsksFirstAndCanBeUndoneUntilTheNextAction() {
        var state = Self.opened()
        let id = Fixtures.summaries[0].id
        #expect(Self.press(&state, .character("d")).isEmpty)
        #expect(state.browser?.prompt == .confirmDelete(id, title: "量子计算入门 ⚛️"))
        #expect(Self.press(&state, .character("x")).isEmpty)
        #expect(Self.press(&state, .character("y")) == [.browser(.delete(id))])
        #expect(state.browser?.prompt == nil)
        let deleted = DeletedConversation(conversation: Fixtures.summaries[0].conversation, messages: [])
        _ = Reducer.reduce(&state, .browser(.deleted(deleted)))
        #expect(state.notice?.text.contains("u to undo") == true)
        #expect(Self.press(&state, .character("u")) == [.browser(.restore(deleted))])
        #expect(Self.press(&state, .character("u")).isEmpty)
        #expect(state.notice?.text == "Nothing to undo")

        _ = Reducer.reduce(&state, .browser(.deleted(deleted)))
        Self.press(&state, .character("p"))
        #expect(Self.press(&state, .character("u")).isEmpty)
    }

    @Test func escapeKeepsAConversationOnDeleteConfirmation() {
        var state = Self.opened()
        Self.press(&state, .character("d"))
        #expect(Self.press(&state, KeyPress(.escape)).isEmpty)
        #expect(state.browser?.prompt == nil)
        #expect(state.browser != nil)
    }

    @Test func renameEditsTheTitleAndRejectsAnEmptyOne() {
        var state = Self.opened()
        let id = Fixtures.summaries[0].id
        Self.press(&state, .character("r"))
        #expect(state.browser?.prompt == .rename(id, text: "量子计算入门 ⚛️"))
        Self.press(&state, .ctrl("u"))
        #expect(Self.press(&state, KeyPress(.enter)).isEmpty)
        #expect(state.notice?.text.contains("cannot be empty") == true)
        Self.type(&state, "新标题 ok", at: 1)
        Self.press(&state, KeyPress(.backspace))
        #expect(Self.press(&state, KeyPress(.enter)) == [.browser(.rename(id, to: "新标题 o"))])
        #expect(state.browser?.prompt == nil)
    }

    @Test func pinArchiveAndExportAskTheRuntime() {
        var state = Self.opened()
        Self.press(&state, .character("j"))
        let id = Fixtures.summaries[1].id
        #expect(Self.press(&state, .character("p")) == [.browser(.setPinned(id, true))])
        #expect(Self.press(&state, .character("a")) == [.browser(.setArchived(id, true))])
        #expect(Self.press(&state, .character("e")) == [.browser(.export(id, .markdown))])
        #expect(Self.press(&state, .character("E")) == [.browser(.export(id, .json))])
        #expect(Self.press(&state, .character("A")) == [.browser(.loadList(includeArchived: true))])
        #expect(state.browser?.showArchived == true)
        Self.press(&state, .character("g"))
        #expect(Self.press(&state, .character("p")) == [.browser(.setPinned(Fixtures.summaries[0].id, false))])
    }

    @Test func aReloadedListKeepsTheSelectedConversation() {
        var state = Self.opened()
        Self.press(&state, .character("j"))
        Self.press(&state, .character("j"))
        let selected = Fixtures.summaries[2].id
        let reordered = [Fixtures.summaries[2]] + Fixtures.summaries.filter { $0.id != selected }
        _ = Reducer.reduce(
            &state,
            .browser(
                .listLoaded(
                    ConversationListing(summaries: reordered, loadedAt: Fixtures.now, timeZone: Fixtures.utc))))
        #expect(state.browser?.selection == 0)
        #expect(BrowserReducer.selectedID(state) == selected)
        #expect(state.listing.summaries.first?.id == selected)
    }

    @Test func aReloadWhileSearchingRunsTheSearchAgain() {
        var state = Self.opened()
        Self.type(&state, "/rust", at: 1)
        _ = Reducer.reduce(&state, .tick(at: 2))
        let effects = Reducer.reduce(&state, .browser(.listLoaded(Fixtures.listing)))
        #expect(effects.contains(.browser(.search("rust", generation: 2, includeArchived: false))))
    }

    @Test func escapeClearsTheQueryThenClosesAndQuitStillWorks() {
        var state = Self.opened()
        Self.type(&state, "/abc", at: 1)
        Self.press(&state, KeyPress(.escape))
        #expect(state.browser?.focus == .list)
        #expect(state.browser?.query == "abc")
        Self.press(&state, KeyPress(.escape))
        #expect(state.browser?.query == "")
        Self.press(&state, KeyPress(.escape))
        #expect(state.browser == nil)

        state = Self.opened()
        #expect(Self.press(&state, .ctrl("q")) == [.quit])
    }

    @Test func clicksSelectThenOpenAndTheWheelMoves() {
        var state = Self.opened()
        let layout = BrowserLayout(size: state.size)
        // Row 3 of the list is the second conversation under "Today" (rows: Pinned, c0, Today, c1, c2).
        let point = Point(x: layout.list.x + 2, y: layout.list.y + 4)
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: point)), at: 1))
        #expect(state.browser?.selection == 2)
        let effects = Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: point)), at: 1))
        #expect(effects == [.openConversation(Fixtures.summaries[2].id, focus: nil)])
        #expect(state.browser == nil)

        state = Self.opened()
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.wheelDown, at: point)), at: 1))
        #expect(state.browser?.selection == 3)
    }

    @Test func pastedTextGoesIntoTheQuery() {
        var state = Self.opened()
        _ = Reducer.reduce(&state, .input(.paste("并发\n死锁"), at: 4))
        #expect(state.browser?.query == "并发 死锁")
        #expect(state.browser?.searchDueAt == 4 + BrowserState.searchDebounce)
    }
}
