import Foundation
import PonderCore
import PonderTUI
import Testing

/// Scrolling up in a streaming pane pauses it: more text arrives but the view stays on the same
/// lines until End; g and G reach the real top and bottom.
@Suite final class FollowPauseTests {
    let conversation = Conversation(title: "Pause")
    var state = AppState(size: Size(width: 120, height: 30))
    let cache = MessageTextCache()
    lazy var user = Message(conversationID: conversation.id, role: .user, answer: "question")
    lazy var assistant = Message(
        conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming)

    init() {
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: user, assistant: assistant))
        stream((1...200).map { "Line \($0) of thought." }.joined(separator: "\n\n"))
        state.focus = .thinking
    }

    func stream(_ reasoning: String) {
        var update = StreamUpdate(messageID: assistant.id, at: Date())
        update.reasoning = reasoning
        update.reasoningChunks = 1
        update.phase = .thinking
        _ = Reducer.reduce(&state, .streamUpdated(update))
    }

    func press(_ key: KeyPress) {
        _ = Reducer.reduce(&state, .input(.key(key), at: 0))
    }

    /// The panel's rows without its first column (the map strip, whose thumb moves as text arrives).
    func panel() -> [String] {
        var buffer = ScreenBuffer(size: state.size)
        var report = ScrollReport()
        _ = RootView.render(state, into: &buffer, keymap: .standard, theme: .standard, cache: cache, report: &report)
        if !report.isEmpty { _ = Reducer.reduce(&state, .scrollResolved(report)) }
        let rect = state.layout.thinking!
        return buffer.lines().map { String($0.dropFirst(rect.x + 1).prefix(rect.width - 1)) }
    }

    @Test func scrollingUpPausesTheStreamAndEndResumes() {
        #expect(panel().joined().contains("Line 200 of thought"))
        for _ in 0..<10 { press(.character("k")) }
        let paused = panel()
        #expect(!paused.joined().contains("Line 200 of thought"))
        #expect(paused[0].hasPrefix("Paused, End follows"))
        stream("\n\n" + (201...260).map { "Line \($0) of thought." }.joined(separator: "\n\n"))
        let later = panel()
        #expect(Array(later.dropFirst()) == Array(paused.dropFirst()), "the text stays put while more streams in")
        press(KeyPress(.end))
        let following = panel()
        #expect(following.joined().contains("Line 260 of thought"))
        #expect(!following[0].contains("Paused"))
    }

    @Test func aPausedPanelStaysPutAfterAResize() {
        for _ in 0..<10 { press(.character("k")) }
        _ = panel()
        _ = Reducer.reduce(&state, .resized(Size(width: 100, height: 30)))
        let resized = panel()
        #expect(state.scroll.thinkingFromBottom > 0)
        stream("\n\n" + (201...230).map { "Line \($0) of thought." }.joined(separator: "\n\n"))
        #expect(Array(panel().dropFirst()) == Array(resized.dropFirst()), "counts at the old width are not used")
    }

    @Test func topAndBottomKeysReachTheEndsOfTheTrace() {
        press(.character("g"))
        let top = panel()
        #expect(top.joined().contains("Line 1 of thought"))
        press(.character("j"))
        #expect(!panel().joined().contains("Line 1 of thought"), "one line down from the top moves at once")
        press(.character("G"))
        #expect(panel().joined().contains("Line 200 of thought"))
        #expect(state.scroll.thinkingFromBottom == 0)
    }

    @Test func theTranscriptPausesToo() {
        var final = state.messages.last!
        final.answer = (1...120).map { "Answer line \($0)." }.joined(separator: "\n\n")
        var update = StreamUpdate(messageID: assistant.id, at: Date())
        update.answer = final.answer
        update.phase = .answering
        _ = Reducer.reduce(&state, .streamUpdated(update))
        state.focus = .transcript
        _ = panel()
        for _ in 0..<5 { press(.character("k")) }
        let rect = state.layout.transcript
        func transcript() -> [String] {
            var buffer = ScreenBuffer(size: state.size)
            var report = ScrollReport()
            _ = RootView.render(
                state, into: &buffer, keymap: .standard, theme: .standard, cache: cache, report: &report)
            _ = Reducer.reduce(&state, .scrollResolved(report))
            return buffer.lines().map { String($0.dropFirst(rect.x + 1).prefix(rect.width - 1)) }
        }
        let paused = transcript()
        update.answer = "\n\nMore answer arriving."
        _ = Reducer.reduce(&state, .streamUpdated(update))
        #expect(transcript() == paused)
    }
}
