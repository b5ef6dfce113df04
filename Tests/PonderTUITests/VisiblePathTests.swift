import PonderCore
import TestSupport
import Testing

@testable import PonderTUI

/// The branch the transcript shows is kept as the messages change instead of found on every read; after
/// any change it must be the branch found from scratch.
@Suite struct VisiblePathTests {
    static let conversation = ConversationID("visible-path")

    /// Random edits of every kind a conversation sees (new messages and versions, a loaded
    /// conversation, deletions, re-parenting, text streaming in, choosing a version), checking the kept
    /// branch after each one against the branch found from scratch.
    @Test(arguments: 0..<20)
    func theKeptBranchIsTheBranchFoundFromScratch(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var state = AppState(size: Size(width: 100, height: 30))
        var made = 0
        func newID() -> MessageID {
            made += 1
            return MessageID("m\(made)")
        }
        func anyID() -> MessageID? {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: return nil
            case 1: return MessageID("gone")
            case 2: return AppState.rootKey
            default: return state.messages.randomElement(using: &random)?.id
            }
        }
        func message(parent: MessageID?, id: MessageID? = nil) -> Message {
            let role: MessageRole = Bool.random(using: &random) ? .user : .assistant
            return Message(id: id ?? newID(), conversationID: Self.conversation, parentID: parent, role: role)
        }
        for step in 0..<300 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1:
                state.messages.append(message(parent: state.visibleMessages.last?.id))
            case 2:
                state.messages.append(message(parent: anyID()))
            case 3:
                let count = Int.random(in: 0..<6, using: &random)
                var loaded: [Message] = []
                for _ in 0..<count { loaded.append(message(parent: loaded.randomElement(using: &random)?.id)) }
                state.messages = loaded
            case 4:
                if !state.messages.isEmpty {
                    state.messages.remove(at: Int.random(in: 0..<state.messages.count, using: &random))
                }
            case 5:
                if !state.messages.isEmpty {
                    state.messages[Int.random(in: 0..<state.messages.count, using: &random)].parentID = anyID()
                }
            case 6:
                if !state.messages.isEmpty {
                    state.messages[Int.random(in: 0..<state.messages.count, using: &random)].answer += "token "
                }
            case 7:
                if let key = anyID(), let chosen = anyID() { state.shownAnswers[key] = chosen }
            case 8:
                if state.messages.count > 1, Bool.random(using: &random) {
                    let count = state.messages.count
                    state.messages.swapAt(
                        Int.random(in: 0..<count, using: &random), Int.random(in: 0..<count, using: &random))
                } else if !state.messages.isEmpty, Bool.random(using: &random) {
                    state.messages[Int.random(in: 0..<state.messages.count, using: &random)].id = newID()
                } else if Bool.random(using: &random) {
                    state.shownAnswers = [:]
                } else if let duplicate = state.messages.randomElement(using: &random) {
                    state.messages.append(message(parent: anyID(), id: duplicate.id))
                }
            default:
                if !state.messages.isEmpty {
                    state.messages.insert(message(parent: anyID()), at: 0)
                }
            }
            let expected = VisiblePath.indices(of: state.messages, shownAnswers: state.shownAnswers)
            #expect(state.visibleIndices == expected, "seed \(seed), step \(step)")
            #expect(state.visibleMessages.map(\.id) == expected.map { state.messages[$0].id })
        }
    }

    /// The rule itself: the newest version of each message unless another is chosen, a missing parent
    /// starting the conversation, a loop of parents ending the branch.
    @Test func theBranchFollowsTheChosenVersions() {
        func message(_ id: String, _ parent: String?) -> Message {
            Message(
                id: MessageID(id), conversationID: Self.conversation, parentID: parent.map(MessageID.init), role: .user)
        }
        let messages = [
            message("q", "gone"), message("a1", "q"), message("a2", "q"), message("f1", "a1"), message("f2", "a2"),
        ]
        #expect(VisiblePath.indices(of: messages, shownAnswers: [:]) == [0, 2, 4])
        #expect(VisiblePath.indices(of: messages, shownAnswers: [MessageID("q"): MessageID("a1")]) == [0, 1, 3])
        #expect(VisiblePath.indices(of: messages, shownAnswers: [MessageID("q"): MessageID("nothing")]) == [0, 2, 4])
        let loop = [message("x", nil), message("y", "x"), message("x", "y")]
        #expect(VisiblePath.indices(of: loop, shownAnswers: [:]) == [0, 1])
    }
}
