import PonderCore
import PonderTUI
import Testing

@Suite final class ReducerTests {
    var state = AppState(size: Size(width: 80, height: 24))

    func press(_ key: KeyPress, at time: Double = 0) -> [Effect] {
        Reducer.reduce(&state, .input(.key(key), at: time))
    }

    func type(_ text: String) {
        for character in text { _ = press(.character(character)) }
    }

    @Test func typingCJKAndEmojiFillsTheEditor() {
        type("你好 😀")
        #expect(state.editor.text == "你好 😀")
        #expect(state.editor.cursor == 4)
    }

    @Test func enterSubmitsAndClearsTheEditor() {
        type("hi")
        #expect(press(KeyPress(.enter)) == [.send(text: "hi", conversationID: nil, after: nil)])
        #expect(state.editor.isEmpty)
        #expect(press(KeyPress(.enter)).isEmpty)
    }

    @Test func altEnterAndCtrlJInsertNewlines() {
        type("a")
        #expect(press(.alt(.enter)).isEmpty)
        #expect(press(.ctrl("j")).isEmpty)
        #expect(state.editor.text == "a\n\n")
    }

    @Test func pasteInsertsWholeAndNeverSubmits() {
        type("x")
        let effects = Reducer.reduce(&state, .input(.paste("line 1\nline 2\n"), at: 0))
        #expect(effects.isEmpty)
        #expect(state.editor.text == "xline 1\nline 2\n")
    }

    @Test func ctrlCTwiceWithinTheWindowQuits() {
        #expect(press(.ctrl("c"), at: 10).isEmpty)
        #expect(state.notice?.text == "Press Ctrl-C again to quit")
        #expect(press(.ctrl("c"), at: 11) == [.quit])
        #expect(state.isQuitting)
    }

    @Test func ctrlCTooLateOnlyArmsAgain() {
        _ = press(.ctrl("c"), at: 10)
        _ = Reducer.reduce(&state, .tick(at: 11.6))
        #expect(state.notice == nil)
        #expect(state.quitArmedUntil == nil)
        #expect(press(.ctrl("c"), at: 12).isEmpty)
        #expect(state.nextDeadline == 13.5)
    }

    @Test func ctrlQQuits() {
        #expect(press(.ctrl("q")) == [.quit])
    }

    @Test func questionMarkShowsHelpOnlyWhenEditorEmptyOrUnfocused() {
        _ = press(.character("?"))
        #expect(state.overlay == .help(scroll: 0))
        _ = press(KeyPress(.escape))
        #expect(state.overlay == nil)
        type("why")
        _ = press(.character("?"))
        #expect(state.editor.text == "why?")
        #expect(state.overlay == nil)
        _ = press(KeyPress(.tab))
        _ = press(.character("?"))
        #expect(state.overlay == .help(scroll: 0))
        _ = press(KeyPress(.down))
        #expect(state.overlay == .help(scroll: 1))
        _ = press(KeyPress(.function(1)))
        #expect(state.overlay == nil)
    }

    @Test func f1ShowsHelpEvenWithText() {
        type("draft")
        _ = press(KeyPress(.function(1)))
        #expect(state.overlay == .help(scroll: 0))
        type("zz")
        #expect(state.editor.text == "draft")
    }

    @Test func tabCyclesVisiblePanes() {
        var order: [Pane] = []
        for _ in 0..<3 {
            _ = press(KeyPress(.tab))
            order.append(state.focus)
        }
        #expect(order == [.transcript, .thinking, .editor])
        _ = press(KeyPress(.backTab))
        #expect(state.focus == .thinking)
    }

    @Test func collapsingThinkingMovesFocusAway() {
        state.focus = .thinking
        _ = press(.ctrl("t"))
        #expect(state.thinkingCollapsed)
        #expect(state.focus == .editor)
        _ = press(.ctrl("t"))
        #expect(!state.thinkingCollapsed)
    }

    @Test func sidebarToggleOverridesTheAutomaticChoice() {
        #expect(state.layout.sidebar == nil)
        _ = press(.ctrl("b"))
        #expect(state.sidebarPreference == true)
        #expect(state.layout.sidebar != nil)
        _ = press(.ctrl("b"))
        #expect(state.layout.sidebar == nil)
    }

    @Test func resizeHidesTheSidebarAndMovesFocus() {
        _ = Reducer.reduce(&state, .resized(Size(width: 160, height: 48)))
        state.focus = .sidebar
        _ = Reducer.reduce(&state, .resized(Size(width: 80, height: 24)))
        #expect(state.focus == .editor)
    }

    @Test func tooSmallScreenIgnoresEditingButStillQuits() {
        _ = Reducer.reduce(&state, .resized(Size(width: 30, height: 8)))
        type("abc")
        #expect(state.editor.isEmpty)
        #expect(press(.ctrl("q")) == [.quit])
    }

    @Test func paneScrollingAndSidebarSelection() {
        _ = Reducer.reduce(&state, .resized(Size(width: 160, height: 12)))
        let summaries = (0..<20).map {
            ConversationSummary(conversation: Conversation(title: "c\($0)"), messageCount: 1)
        }
        _ = Reducer.reduce(&state, .browser(.listLoaded(ConversationListing(summaries: summaries))))
        state.focus = .transcript
        _ = press(KeyPress(.up))
        _ = press(KeyPress(.up))
        #expect(state.scroll.transcriptFromBottom == 2)
        _ = press(KeyPress(.end))
        #expect(state.scroll.transcriptFromBottom == 0)
        state.focus = .sidebar
        for _ in 0..<12 { _ = press(.character("j")) }
        #expect(state.selectedConversation == 12)
        #expect(state.scroll.sidebarTop == 12 - (state.layout.sidebar!.height - 1) + 1)
        _ = press(KeyPress(.home))
        #expect(state.selectedConversation == 0)
        #expect(state.scroll.sidebarTop == 0)
    }

    @Test func mouseWheelScrollsThePaneUnderThePointerAndClicksFocus() {
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.wheelUp, at: Point(x: 60, y: 5))), at: 0))
        #expect(state.scroll.thinkingFromBottom == 3)
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: Point(x: 5, y: 5))), at: 0))
        #expect(state.focus == .transcript)
        state.thinkingCollapsed = true
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: Point(x: 79, y: 2))), at: 0))
        #expect(!state.thinkingCollapsed)
    }

    @Test func rejectedSubmitGoesBackIntoTheEditor() {
        type("hello")
        _ = press(KeyPress(.enter))
        type("more")
        _ = Reducer.reduce(&state, .submitRejected(text: "hello", reason: "offline"))
        #expect(state.editor.text == "hello\nmore")
        #expect(state.notice?.text == "offline")
    }

    @Test func anEndedNoticeIsClearedOnlyWhileItIsTheOneShown() {
        _ = Reducer.reduce(&state, .notice("starting local model…"))
        _ = Reducer.reduce(&state, .noticeEnded("starting local model…"))
        #expect(state.notice == nil)
        _ = Reducer.reduce(&state, .notice("starting local model…"))
        _ = Reducer.reduce(&state, .notice("The local engine failed to start"))
        _ = Reducer.reduce(&state, .noticeEnded("starting local model…"))
        #expect(state.notice?.text == "The local engine failed to start")
    }

    @Test func editorKeysFromTheKeymap() {
        type("one two")
        _ = press(.ctrl("w"))
        #expect(state.editor.text == "one ")
        _ = press(.ctrl("a"))
        _ = press(KeyPress(.right))
        _ = press(.ctrl("k"))
        #expect(state.editor.text == "o")
        _ = press(.ctrl("e"))
        _ = press(KeyPress(.backspace))
        #expect(state.editor.isEmpty)
    }
}
