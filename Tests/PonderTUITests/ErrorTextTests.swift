import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// A failed answer's error is readable in full in the transcript, wrapped to the pane.
@Suite struct ErrorTextTests {
    @Test func aLongErrorIsWrappedWholeUnderTheAnswer() {
        var state = AppState(size: Size(width: 80, height: 30))
        state.sidebarPreference = false
        let conversation = Conversation(title: "t")
        let question = Message(conversationID: conversation.id, role: .user, answer: "q")
        let path = "/tmp/au/" + String(repeating: "very-long-directory-name/", count: 4) + "llama-server"
        let error =
            "The local engine is not installed in \(path). Run ponder engine install, then start ponder again;"
            + " the log is in ~/.local/state/ponder/engine.log.\nSecond line of the explanation."
        let answer = Message(
            conversationID: conversation.id, parentID: question.id, role: .assistant, status: .failed,
            errorText: error)
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [question, answer]))
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        let rows = buffer.lines()
        let failed = rows.firstIndex { $0.contains("✖ Failed:") }
        #expect(failed != nil)
        let text = rows[(failed ?? 0)...].map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let bare = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "│", with: "")
        #expect(bare.contains(path))
        #expect(text.contains("engine.log."))
        #expect(text.contains("Second line of the explanation."))
        #expect(!rows.contains { $0.contains("…") })
    }
}
