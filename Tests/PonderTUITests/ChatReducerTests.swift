import Foundation
import PonderCore
import PonderTUI
import Testing

/// The chat part of the reducer: streaming into the open conversation, cancel, folds.
@Suite final class ChatReducerTests {
    var state = AppState(size: Size(width: 120, height: 30))
    let conversation = Conversation(title: "量子")
    lazy var user = Message(conversationID: conversation.id, role: .user, answer: "hi")
    lazy var assistant = Message(
        conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming)

    func press(_ key: KeyPress) -> [Effect] {
        Reducer.reduce(&state, .input(.key(key), at: 0))
    }

    func start() {
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: user, assistant: assistant))
    }

    func update(reasoning: String = "", answer: String = "", phase: RequestPhase? = nil) {
        var update = StreamUpdate(messageID: assistant.id, at: Date())
        update.reasoning = reasoning
        update.answer = answer
        update.reasoningChunks = reasoning.isEmpty ? 0 : 1
        update.answerChunks = answer.isEmpty ? 0 : 1
        update.phase = phase
        _ = Reducer.reduce(&state, .streamUpdated(update))
    }

    @Test func sendCarriesTheOpenConversation() {
        start()
        _ = Reducer.reduce(&state, .streamEnded(.ending(assistant, .complete)))
        for character in "next" { _ = press(.character(character)) }
        #expect(press(KeyPress(.enter)) == [.send(text: "next", conversationID: conversation.id, after: assistant.id)])
    }

    @Test func streamStartedOpensTheConversationAndListsItFirst() {
        let older = Conversation(title: "older", createdAt: conversation.updatedAt.addingTimeInterval(-60))
        state.listing = ConversationListing(summaries: [ConversationSummary(conversation: older, messageCount: 2)])
        start()
        #expect(state.conversationID == conversation.id)
        #expect(state.listing.summaries.map(\.id).first == conversation.id)
        #expect(state.listing.summaries.first?.messageCount == 2)
        #expect(state.selectedConversation == 0)
        #expect(state.messages.map(\.id) == [user.id, assistant.id])
        #expect(state.stream?.messageID == assistant.id)
    }

    @Test func updatesAppendToTheStreamingMessageAndCount() {
        start()
        update(reasoning: "让我", phase: .thinking)
        update(reasoning: "想想")
        update(answer: "答案", phase: .answering)
        #expect(state.messages.last?.reasoning == "让我想想")
        #expect(state.messages.last?.answer == "答案")
        #expect(state.stream?.reasoningChunks == 2)
        #expect(state.stream?.phase == .answering)
        #expect(state.activity == "answering")
    }

    @Test func answerCollapsesThePanelOnlyWhenAskedTo() {
        start()
        update(answer: "a", phase: .answering)
        #expect(!state.thinkingCollapsed)
        state.collapseThinkingOnAnswer = true
        state.stream?.phase = .thinking
        update(answer: "b", phase: .answering)
        #expect(state.thinkingCollapsed)
    }

    @Test func escapeCancelsOnlyWhileStreaming() {
        #expect(press(KeyPress(.escape)).isEmpty)
        start()
        #expect(press(KeyPress(.escape)) == [.cancelStream(assistant.id)])
    }

    @Test func enterWhileStreamingKeepsTheDraft() {
        start()
        for character in "wait" { _ = press(.character(character)) }
        #expect(press(KeyPress(.enter)).isEmpty)
        #expect(state.editor.text == "wait")
        #expect(state.notice != nil)
    }

    /// The last token arrives before the answer's final save; the bar says "done" only once the turn has
    /// ended, and Enter pressed in between sends as soon as it has (a benchmark that typed its next
    /// question on seeing "done" was told to wait and never sent).
    @Test func enterAfterTheLastTokenSendsOnceTheAnswerIsSaved() {
        start()
        update(answer: "42", phase: .answering)
        update(phase: .finished(.stop))
        #expect(state.activity != "done")
        for character in "next" { _ = press(.character(character)) }
        #expect(press(KeyPress(.enter)).isEmpty)
        #expect(state.editor.text == "next")
        #expect(state.notice?.text.contains("sends") == true)
        #expect(
            Reducer.reduce(&state, .streamEnded(.ending(assistant, .complete))) == [
                .send(text: "next", conversationID: conversation.id, after: assistant.id)
            ])
        #expect(state.activity == "done")
        #expect(state.editor.isEmpty)
        // Once sent, a later end of a turn sends nothing again.
        #expect(Reducer.reduce(&state, .streamEnded(.ending(assistant, .complete))).isEmpty)
    }

    @Test func aSendWaitingForTheSaveIsDroppedWhenTheEditorIsEmptiedOrTheTurnFails() {
        start()
        update(phase: .finished(.stop))
        for character in "next" { _ = press(.character(character)) }
        _ = press(KeyPress(.enter))
        _ = press(.ctrl("u"))
        #expect(state.editor.isEmpty)
        #expect(Reducer.reduce(&state, .streamEnded(.ending(assistant, .complete))).isEmpty)

        start()
        update(phase: .finished(.stop))
        for character in "again" { _ = press(.character(character)) }
        _ = press(KeyPress(.enter))
        #expect(Reducer.reduce(&state, .streamEnded(.ending(assistant, .failed, errorText: "disk full"))).isEmpty)
        #expect(state.editor.text == "again")
    }

    @Test func streamEndedSetsTheFinalStatusAndKeepsTheFold() {
        start()
        state.focus = .transcript
        update(reasoning: "r")
        #expect(press(KeyPress(.enter)) == [.setReasoningFolded(assistant.id, false)])
        _ = Reducer.reduce(&state, .streamEnded(.ending(assistant, .cancelled, errorText: "Stopped")))
        #expect(state.stream == nil)
        #expect(state.messages.last?.status == .cancelled)
        #expect(state.messages.last?.errorText == "Stopped")
        #expect(state.messages.last?.reasoning == "r")
        #expect(state.messages.last?.reasoningFolded == false)
        #expect(state.activity == "cancelled · Ctrl-G continues, Ctrl-R retries")
    }

    @Test func foldAllFoldsEverythingThenUnfoldsEverything() {
        let first = Message(conversationID: conversation.id, role: .assistant, reasoning: "a", reasoningFolded: false)
        let second = Message(conversationID: conversation.id, role: .assistant, reasoning: "b", reasoningFolded: true)
        let plain = Message(conversationID: conversation.id, role: .assistant, answer: "no reasoning")
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [first, second, plain]))
        #expect(press(.ctrl("o")) == [.setReasoningFolded(first.id, true)])
        #expect(state.messages.allSatisfy { $0.reasoning.isEmpty || state.isFolded($0) })
        #expect(press(.ctrl("o")) == [.setReasoningFolded(first.id, false), .setReasoningFolded(second.id, false)])
    }

    @Test func selectingEarlierAnswersMovesThePanel() {
        let first = Message(conversationID: conversation.id, role: .assistant, reasoning: "first")
        let second = Message(conversationID: conversation.id, parentID: first.id, role: .assistant, reasoning: "second")
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [first, second]))
        state.focus = .transcript
        #expect(state.panelMessage?.id == second.id)
        _ = press(.character("["))
        #expect(state.panelMessage?.id == first.id)
        _ = press(.character("]"))
        #expect(state.panelMessage?.id == second.id)
    }

    @Test func retryAndContinueAskForTheSelectedAnswer() {
        start()
        #expect(press(.ctrl("r")).isEmpty)
        _ = Reducer.reduce(&state, .streamEnded(.ending(assistant, .cancelled)))
        #expect(press(.ctrl("g")) == [.continueAnswer(assistant.id)])
        #expect(press(.ctrl("r")) == [.regenerate(assistant.id)])
        _ = Reducer.reduce(&state, .streamEnded(.ending(assistant, .complete)))
        #expect(press(.ctrl("g")).isEmpty)
        #expect(state.notice != nil)
    }

    @Test func regeneratedAnswersAreSiblingsToFlipBetween() {
        start()
        _ = Reducer.reduce(&state, .streamEnded(.ending(assistant, .complete)))
        let second = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming)
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: nil, assistant: second))
        #expect(state.messages.count == 3)
        #expect(state.visibleMessages.map(\.id) == [user.id, second.id])
        _ = Reducer.reduce(&state, .streamEnded(.ending(second, .complete)))
        state.focus = .transcript
        _ = press(.character("<"))
        #expect(state.visibleMessages.map(\.id) == [user.id, assistant.id])
        #expect(state.panelMessage?.id == assistant.id)
        _ = press(.character(">"))
        #expect(state.visibleMessages.map(\.id) == [user.id, second.id])
    }

    @Test func enterInTheSidebarOpensTheSelectedConversation() {
        let other = Conversation(title: "other")
        state.listing = ConversationListing(
            summaries: [conversation, other].map { ConversationSummary(conversation: $0, messageCount: 0) })
        _ = Reducer.reduce(&state, .conversationOpened(conversation, []))
        state.focus = .sidebar
        #expect(press(KeyPress(.enter)).isEmpty)
        _ = press(.character("j"))
        #expect(press(KeyPress(.enter)) == [.openConversation(other.id, focus: nil)])
        _ = Reducer.reduce(&state, .conversationOpened(other, [user]))
        #expect(state.conversationID == other.id)
        #expect(state.messages == [user])
    }

    @Test func ctrlCTwiceDuringAStreamAsksAndAThirdPressStopsAndQuits() {
        start()
        #expect(Reducer.reduce(&state, .input(.key(.ctrl("c")), at: 10)).isEmpty)
        #expect(Reducer.reduce(&state, .input(.key(.ctrl("c")), at: 10.5)).isEmpty, "two presses only ask")
        #expect(!state.isQuitting)
        #expect(state.notice?.text.contains("Ctrl-C again stops it and quits") == true)
        #expect(Reducer.reduce(&state, .input(.key(.ctrl("c")), at: 11)) == [.quit])
        #expect(state.isQuitting)
    }

    @Test func ctrlCTwiceWithUnsavedTextSavesItAgainBeforeQuitting() {
        start()
        var end = TurnEnd.ending(assistant, .complete)
        end.saveFailure = StoreError(kind: .diskFull, message: "database or disk is full")
        end.unsavedCharacters = 120
        _ = Reducer.reduce(&state, .streamEnded(end))
        _ = Reducer.reduce(&state, .input(.key(.ctrl("c")), at: 20))
        let effects = Reducer.reduce(&state, .input(.key(.ctrl("c")), at: 20.5))
        #expect(effects.count == 1)
        guard case .rescueUnsaved(let messages) = effects.first else {
            Issue.record("expected the unsaved answer to be saved again, got \(effects)")
            return
        }
        #expect(messages.map(\.id) == [assistant.id])
        #expect(!state.isQuitting)
        #expect(state.notice?.text == "Saving 120 characters that could not be saved before…")
        #expect(Reducer.reduce(&state, .input(.key(.ctrl("c")), at: 21)).isEmpty, "still saving")
        _ = Reducer.reduce(&state, .unsavedRescued(.saved([assistant.id])))
        #expect(Reducer.reduce(&state, .input(.key(.ctrl("c")), at: 22)) == [.quit])
    }

    @Test func aRetryShowsHowLongItWaits() {
        start()
        let posted = Date()
        var update = StreamUpdate(messageID: assistant.id, at: posted)
        update.phase = .retrying(attempt: 1, until: posted.addingTimeInterval(20))
        _ = Reducer.reduce(&state, .streamUpdated(update))
        #expect(state.activity == "retrying in 20 s (1)…")
        update.phase = .retrying(attempt: 2, until: posted)
        _ = Reducer.reduce(&state, .streamUpdated(update))
        #expect(state.activity == "retrying (2)…", "no wait to show")
    }
}
