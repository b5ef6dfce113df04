import Foundation
import PonderCore
import PonderTUI
import Testing

/// Editing the last question and asking again: the new version is a sibling of the old one,
/// shown with its answer; `{` `}` switch back; the branch shown is what a new message continues.
@Suite final class QuestionEditTests {
    let conversation = Conversation(title: "Edit")
    var state = AppState(size: Size(width: 120, height: 30))
    lazy var first = Message(conversationID: conversation.id, role: .user, answer: "What is 2+2?")
    lazy var answer = Message(
        conversationID: conversation.id, parentID: first.id, role: .assistant, answer: "4", status: .complete)

    init() {
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [first, answer]))
        state.focus = .transcript
    }

    @discardableResult
    func press(_ key: KeyPress) -> [Effect] {
        Reducer.reduce(&state, .input(.key(key), at: 0))
    }

    @Test func editingTheLastQuestionAsksAgainAsANewVersion() {
        press(.character("e"))
        #expect(state.focus == .editor)
        #expect(state.editor.text == "What is 2+2?")
        press(KeyPress(.backspace))
        press(KeyPress(.backspace))
        for character in "3?" { press(.character(character)) }
        #expect(press(KeyPress(.enter)) == [.resend(text: "What is 2+3?", replacing: first.id)])
        let edited = Message(conversationID: conversation.id, role: .user, answer: "What is 2+3?")
        let reply = Message(conversationID: conversation.id, parentID: edited.id, role: .assistant, status: .streaming)
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: edited, assistant: reply))
        #expect(state.visibleMessages.map(\.id) == [edited.id, reply.id])
        _ = Reducer.reduce(&state, .streamEnded(.ending(reply, .complete)))
        state.focus = .transcript
        press(.character("{"))
        #expect(state.visibleMessages.map(\.id) == [first.id, answer.id])
        press(.character("}"))
        #expect(state.visibleMessages.map(\.id) == [edited.id, reply.id])
        state.focus = .editor
        for character in "next" { press(.character(character)) }
        #expect(
            press(KeyPress(.enter)) == [.send(text: "next", conversationID: conversation.id, after: reply.id)],
            "a new message continues the branch shown")
    }

    @Test func escapeCancelsTheEdit() {
        press(.character("e"))
        press(KeyPress(.escape))
        #expect(state.editingQuestion == nil)
        #expect(state.editor.isEmpty)
        for character in "fresh" { press(.character(character)) }
        #expect(press(KeyPress(.enter)) == [.send(text: "fresh", conversationID: conversation.id, after: answer.id)])
    }

    @Test func branchesFollowParentLinks() {
        let second = Message(conversationID: conversation.id, parentID: first.id, role: .assistant, answer: "four")
        let followUp = Message(conversationID: conversation.id, parentID: answer.id, role: .user, answer: "why?")
        let all = [first, answer, second, followUp]
        #expect(all.branch(endingAt: followUp.id).map(\.id) == [first.id, answer.id, followUp.id])
        #expect(all.branch(endingAt: second.id).map(\.id) == [first.id, second.id])
        #expect(all.branch(endingAt: nil).isEmpty)
    }
}
