import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// The controls on screen: the model picker with a provider that is down, the preset list, the budget
/// prompt, and the transcript with a system prompt, a model change, answers from two models and an
/// answer that ran out of budget while thinking; the empty thinking panel of a model that does not reason.
@Suite struct ControlsSnapshotTests {
    typealias Fixture = ControlsReducerTests

    static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer
    }

    static func text(_ state: AppState) -> String { render(state).lines().joined(separator: "\n") }

    @Test func pickerWithAProviderThatIsDown() throws {
        var state = Fixture.state()
        state.size = Size(width: 100, height: 24)
        _ = Fixture.press(&state, .alt(.character("m")))
        #expect(Self.text(state).contains("asking the server…"))
        _ = Reducer.reduce(&state, .controls(.modelsListed(Fixture.listings)))
        let screen = Self.text(state)
        #expect(screen.contains("● deepseek-reasoner   (current)"))
        #expect(screen.contains("ollama — ⚠ could not connect to http://127.0.0.1:11434 — configured models shown"))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "controls-picker-100x24")
    }

    @Test func presetListAndBudgetPrompt() throws {
        var state = Fixture.state()
        state.size = Size(width: 80, height: 24)
        _ = Fixture.press(&state, .alt(.character("p")))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "controls-presets-80x24")
        _ = Fixture.press(&state, KeyPress(.escape))
        _ = Fixture.press(&state, .alt(.character("l")))
        Fixture.type(&state, "2048")
        try SnapshotAssertion.assertMatches(Self.render(state), named: "controls-budget-80x24")
    }

    @Test func transcriptShowsTheSystemPromptModelChangesAndABudgetUsedWhileThinking() throws {
        let start = Fixture.start
        let id = Fixture.conversation.id
        var second = Fixture.answer
        second.id = MessageID("a1b")
        second.provider = "ollama"
        second.model = "qwen3"
        second.answer = "91 is 7 × 13, so not prime."
        let question2 = Message(
            id: MessageID("u2"), conversationID: id, parentID: second.id, role: .user, answer: "And 97?",
            createdAt: start)
        let cut = Message(
            id: MessageID("a2"), conversationID: id, parentID: question2.id, role: .assistant,
            reasoning: "Check 2, 3, 5, 7…", answer: "", provider: "ollama", model: "qwen3", createdAt: start,
            finishReason: .length)
        var state = Fixture.state(messages: [Fixture.question, Fixture.answer, second, question2, cut])
        state.size = Size(width: 100, height: 30)
        state.controls.current.systemPrompt = "You are a number theorist.\nShow your work."
        let screen = Self.text(state)
        #expect(screen.contains("⚙ System prompt: You are a number theorist.…"))
        #expect(screen.contains("── ollama · qwen3 ──"))
        #expect(screen.contains("Answer 2 of 2"))
        #expect(screen.contains("so no answer came"))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "controls-transcript-100x30")
        // Flipping to the first answer shows its model too.
        state.focus = .transcript
        state.selectedMessageID = second.id
        _ = Fixture.press(&state, .character("<"))
        #expect(Self.text(state).contains("── deepseek · deepseek-reasoner ──"))
    }

    @Test func emptyThinkingPanelOfAModelThatDoesNotReason() throws {
        let local = ProviderConfig(name: "local", kind: .local, baseURL: "http://127.0.0.1", model: "local")
        var state = AppState(size: Size(width: 100, height: 24))
        state.controls = ControlsState(
            providers: ["local": local], fallback: local, localModelName: "SmolLM2-135M-Instruct-Q8_0.gguf")
        Reducer.showControls(&state)
        #expect(Self.text(state).contains("answers without thinking, so"))
        try SnapshotAssertion.assertMatches(Self.render(state), named: "controls-empty-panel-100x24")
        // After an answer, the note stays for that answer.
        let conversation = Conversation(id: ConversationID("c9"), title: "Hi", createdAt: Fixture.start)
        let question = Message(
            id: MessageID("q"), conversationID: conversation.id, role: .user, answer: "Hi", createdAt: Fixture.start)
        let answer = Message(
            id: MessageID("a"), conversationID: conversation.id, parentID: question.id, role: .assistant,
            answer: "Hello!", provider: "local", model: "local", createdAt: Fixture.start)
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [question, answer]))
        #expect(Self.text(state).contains("model_path"))
    }
}
