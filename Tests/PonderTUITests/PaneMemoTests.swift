import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// A pane copied from an earlier frame is exactly the pane drawn again: each step changes one
/// thing (outside the sidebar, or one input of it), and the frame drawn with the loop's memos
/// must equal the frame drawn from scratch; the memo is used only when the sidebar's inputs
/// stayed the same.
@Suite struct PaneMemoTests {
    typealias Fixtures = BrowserFixtures

    struct Step: Sendable {
        var name: String
        /// Whether the sidebar's inputs stay the same, so its cells may be copied.
        var keepsSidebar: Bool
        var change: @Sendable (inout AppState, inout Theme) -> Void
    }

    static let steps: [Step] = [
        Step(name: "typing in the editor", keepsSidebar: true) { state, _ in
            state.editor = EditorState(text: "a question being typed")
        },
        Step(name: "an answer streaming", keepsSidebar: true) { state, _ in
            state.stream = StreamProgress(messageID: MessageID("streaming"), updatedAt: Fixtures.now)
        },
        Step(name: "the sidebar focused", keepsSidebar: false) { state, _ in state.focus = .sidebar },
        Step(name: "another conversation selected", keepsSidebar: false) { state, _ in
            state.selectedConversation = 3
        },
        Step(name: "the list scrolled", keepsSidebar: false) { state, _ in state.scroll.sidebarTop = 2 },
        Step(name: "a conversation opened", keepsSidebar: false) { state, _ in
            state.conversationID = Fixtures.summaries[1].id
        },
        Step(name: "the new conversation opened", keepsSidebar: false) { state, _ in state.conversationID = nil },
        Step(name: "the list reloaded with a new title", keepsSidebar: false) { state, _ in
            var summaries = Fixtures.summaries
            summaries[1].conversation.title = "A renamed conversation"
            state.listing = ConversationListing(
                summaries: summaries, loadedAt: Fixtures.now, changeCounter: 8, timeZone: Fixtures.utc)
        },
        Step(name: "the list reloaded an hour later", keepsSidebar: false) { state, _ in
            state.listing = ConversationListing(
                summaries: state.listing.summaries, loadedAt: Fixtures.now.addingTimeInterval(3600),
                changeCounter: 8, timeZone: Fixtures.utc)
        },
        Step(name: "the light theme", keepsSidebar: false) { _, theme in theme = .light },
        Step(name: "the terminal made shorter", keepsSidebar: false) { state, _ in
            _ = Reducer.reduce(&state, .resized(Size(width: 160, height: 12)))
        },
        Step(name: "the terminal made narrower", keepsSidebar: false) { state, _ in
            _ = Reducer.reduce(&state, .resized(Size(width: 120, height: 12)))
        },
        Step(name: "the focus back in the editor", keepsSidebar: false) { state, _ in state.focus = .editor },
        Step(name: "typing again", keepsSidebar: true) { state, _ in
            state.editor = EditorState(text: "another question")
        },
    ]

    @Test func aFrameDrawnWithTheMemosEqualsTheFrameDrawnFromScratch() throws {
        var state = Fixtures.state(width: 160, height: 30)
        var theme = Theme.standard
        let memos = PaneMemos()
        let cache = MessageTextCache()
        // Two buffers take turns, cleared before each frame, as in the loop.
        var buffers = [ScreenBuffer(size: state.size), ScreenBuffer(size: state.size)]
        func drawWithMemos(_ turn: Int) -> ScreenBuffer {
            var buffer = buffers[turn % 2]
            if buffer.size == state.size { buffer.clear() } else { buffer = ScreenBuffer(size: state.size) }
            var report = ScrollReport()
            _ = RootView.render(
                state, into: &buffer, keymap: .standard, theme: theme, cache: cache, memos: memos, report: &report)
            buffers[turn % 2] = buffer
            return buffer
        }
        _ = drawWithMemos(0)
        for (turn, step) in Self.steps.enumerated() {
            step.change(&state, &theme)
            let reusesBefore = memos.reuses
            let drawn = drawWithMemos(turn + 1)
            var fresh = ScreenBuffer(size: state.size)
            RootView.render(state, into: &fresh, theme: theme)
            #expect(drawn.lines() == fresh.lines(), "\(step.name)")
            let sameCells = drawn == fresh
            #expect(sameCells, "\(step.name): styles or widths differ")
            #expect((memos.reuses > reusesBefore) == step.keepsSidebar, "\(step.name)")
        }
    }

    @Test func cellsTakenFromARectArePutBackWhole() {
        var source = ScreenBuffer(size: Size(width: 8, height: 3))
        source.write("a中b文", at: Point(x: 1, y: 0), style: .plain)
        source.write("🦀 x", at: Point(x: 1, y: 1), style: Style(attributes: .bold))
        let rect = Rect(x: 1, y: 0, width: 6, height: 2)
        let taken = source.cells(in: rect)
        #expect(taken.count == 12)

        // A wide glyph of the target straddles each edge of the rect: both are repaired.
        var target = ScreenBuffer(size: Size(width: 8, height: 3))
        target.write("中中中中", at: Point(x: 0, y: 0), style: .plain)
        target.restore(taken, in: rect)
        #expect(target.lines()[0] == " a中b文 ")
        #expect(target[0, 0] == Cell(grapheme: " "))
        #expect(target[7, 0] == Cell(grapheme: " "))
        #expect(target.lines()[1] == " 🦀 x   ")
        #expect(target[2, 1].isContinuation)
    }
}
