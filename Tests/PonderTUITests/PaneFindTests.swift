import Foundation
import PonderCore
import PonderTUI
import Testing

/// `/` search within a pane, n / N, highlights, and opening a conversation at a search hit.
@Suite final class PaneFindTests {
    let conversation = Conversation(title: "Search")
    var state = AppState(size: Size(width: 120, height: 30))
    let cache = MessageTextCache()
    lazy var user = Message(conversationID: conversation.id, role: .user, answer: "question")
    lazy var assistant = Message(
        conversationID: conversation.id, parentID: user.id, role: .assistant,
        reasoning: (1...300).map { "Step \($0) of the reasoning." + ($0 % 100 == 0 ? " A zebra appears." : "") }
            .joined(separator: "\n\n"),
        answer: "The zebra answer.")

    init() {
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [user, assistant]))
    }

    func press(_ key: KeyPress) {
        _ = Reducer.reduce(&state, .input(.key(key), at: 0))
    }

    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// Draws a frame and feeds its scroll report back, as the loop does; returns the screen rows.
    @discardableResult
    func frame() -> (rows: [String], buffer: ScreenBuffer) {
        var buffer = ScreenBuffer(size: state.size)
        var report = ScrollReport()
        _ = RootView.render(state, into: &buffer, keymap: .standard, theme: .standard, cache: cache, report: &report)
        if !report.isEmpty { _ = Reducer.reduce(&state, .scrollResolved(report)) }
        return (buffer.lines(), buffer)
    }

    func panelText(_ rows: [String]) -> String {
        let panel = state.layout.thinking!
        return rows.map { row in
            String(row.dropFirst(panel.x).prefix(panel.width))
        }.joined(separator: "\n")
    }

    @Test func slashSearchesTheThinkingPanelAndNMovesBetweenMatches() throws {
        state.focus = .thinking
        frame()
        press(.character("/"))
        #expect(state.find?.isEditing == true)
        type("zebra")
        #expect(frame().rows.last?.contains("Search thinking: /zebra") == true)
        press(KeyPress(.enter))
        frame()
        let find = try #require(state.find)
        #expect(find.matches.count == 3)
        #expect(find.current == 2, "the first match from the top of the view: the only one on screen")
        press(.character("N"))
        #expect(state.find?.current == 1)
        var screen = frame()
        #expect(panelText(screen.rows).contains("Step 200 of the reasoning. A zebra"))
        #expect(!panelText(screen.rows).contains("Step 300"))
        #expect(screen.rows.last?.contains("/zebra · 2 of 3") == true)
        let highlighted = (0..<state.size.height).contains { y in
            (0..<state.size.width).contains { x in
                screen.buffer[x, y].grapheme == "z" && screen.buffer[x, y].style == Theme.standard.searchCurrent
            }
        }
        #expect(highlighted, "the current match is drawn in its own style")
        press(.character("N"))
        press(.character("N"))
        #expect(state.find?.current == 2, "N wraps from the first match to the last")
        #expect(state.notice?.text.contains("wrapped") == true)
        press(KeyPress(.escape))
        #expect(state.find == nil)
        screen = frame()
        #expect(!(screen.rows.last ?? "").contains("/zebra"))
    }

    @Test func aQueryWithoutMatchesSaysSo() {
        state.focus = .transcript
        press(.character("/"))
        type("walrus")
        press(KeyPress(.enter))
        #expect(state.find?.matches.isEmpty == true)
        #expect(state.notice?.text == "No match for “walrus”")
    }

    @Test func searchingTheTranscriptFindsAnswersButNotFoldedReasoning() {
        state.focus = .transcript
        press(.character("/"))
        type("ZEBRA")
        press(KeyPress(.enter))
        #expect(state.find?.matches.map(\.part) == [.answer], "case-insensitive, folded reasoning left out")
        press(.ctrl("o"))
        press(.character("n"))
        #expect(state.find?.matches.count == 4, "unfolded, the reasoning is searched too")
    }

    @Test func openingAtAReasoningHitShowsItInThePanel() throws {
        let text = assistant.reasoning
        let offset = text.distance(from: text.startIndex, to: text.range(of: "Step 100 of")!.lowerBound)
        state = AppState(size: Size(width: 120, height: 30))
        state.pendingSearchFocus = PendingSearchFocus(
            conversation: conversation.id,
            focus: SearchFocus(messageID: assistant.id, field: .reasoning, characterOffset: offset, query: "Step 100"))
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [user, assistant]))
        #expect(state.focus == .thinking)
        #expect(state.find?.query == "Step 100")
        #expect(state.scroll.jump != nil)
        let screen = frame()
        #expect(panelText(screen.rows).contains("Step 100 of the reasoning"))
        #expect(state.scroll.jump == nil, "the jump is done once drawn")
        #expect(state.scroll.thinkingFromBottom > 0, "the panel stays at the hit")
    }

    /// Cells drawn in `style` on screen, as text by row (empty rows left out).
    func cells(in buffer: ScreenBuffer, style: Style) -> [String] {
        (0..<state.size.height).compactMap { y in
            let text = String(
                (0..<state.size.width).filter { buffer[$0, y].style == style }.map { buffer[$0, y].grapheme })
            return text.isEmpty ? nil : text
        }
    }

    @Test func theFirstSearchStartsAtTheTopOfTheViewAndTheCurrentMatchStandsOut() throws {
        let many = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant,
            answer: (1...60).map { "Line \($0)" + ($0 % 10 == 0 ? " has a kiwi." : ".") }.joined(separator: "\n\n"))
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [user, many]))
        state.focus = .transcript
        let before = frame().rows.joined(separator: "\n")
        #expect(before.contains("Line 60 has a kiwi."))
        #expect(before.contains("Line 50 has a kiwi."))
        #expect(!before.contains("Line 40 has a kiwi."))
        press(.character("/"))
        type("kiwi")
        press(KeyPress(.enter))
        let screen = frame()
        let find = try #require(state.find)
        #expect(find.matches.count == 6)
        #expect(find.current == 4, "the first match on screen (line 50), not the last one")
        #expect(screen.rows.joined(separator: "\n").contains("Line 50 has a kiwi."), "the view did not move")
        #expect(frame().rows.last?.contains("/kiwi · 5 of 6") == true)
        let drawn = frame().buffer
        #expect(cells(in: drawn, style: Theme.standard.searchCurrent) == ["kiwi"])
        #expect(cells(in: drawn, style: Theme.standard.searchMatch) == ["kiwi"], "line 60's match, in the plain style")
        press(.character("n"))
        #expect(state.find?.current == 5)
        press(.character("n"))
        #expect(state.find?.current == 0)
    }

    @Test func aNoticeShowsBesideTheQueryBeingTyped() {
        state.focus = .thinking
        press(.character("/"))
        type("zeb")
        // A quit asked for during a stream, or any other notice: the bar must say it, or the key seems dead.
        state.notice = Notice("An answer is still arriving — Ctrl-Q again stops it and quits")
        let bar = frame().rows.last ?? ""
        #expect(bar.contains("Search thinking: /zeb"), "\(bar)")
        #expect(bar.contains("An answer is still arriving — Ctrl-Q again"), "\(bar)")
        state.notice = nil
        #expect(frame().rows.last?.contains("Enter search · Esc cancel") == true, "the hint, without a notice")
    }
}
