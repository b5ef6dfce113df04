import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// The per-conversation controls in the reducer: the effort key, the model picker, the system prompt,
/// presets and the answer budget — each change shown, and saved with the open conversation.
@Suite struct ControlsReducerTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let deepseek = ProviderConfig(
        name: "deepseek", kind: .deepseek, baseURL: "https://api.deepseek.com", model: "deepseek-reasoner")
    static let ollama = ProviderConfig(
        name: "ollama", kind: .ollama, baseURL: "http://127.0.0.1:11434", model: "qwen3", models: ["llama3.2"])
    static let conversation = Conversation(
        id: ConversationID("c1"), title: "Primes", createdAt: start, provider: "deepseek", model: "deepseek-reasoner")
    static let question = Message(
        id: MessageID("u1"), conversationID: conversation.id, role: .user, answer: "Is 91 prime?", createdAt: start)
    static let answer = Message(
        id: MessageID("a1"), conversationID: conversation.id, parentID: question.id, role: .assistant,
        reasoning: "7 × 13", answer: "No: 91 = 7 × 13.", provider: "deepseek", model: "deepseek-reasoner",
        createdAt: start)

    /// DeepSeek's list from its server, and Ollama down (its configured models instead).
    static let listings = [
        ProviderModels(
            provider: "deepseek", kind: .deepseek, current: "deepseek-reasoner",
            models: ["deepseek-chat", "deepseek-reasoner"], source: .server),
        ProviderModels(
            provider: "ollama", kind: .ollama, current: "qwen3", models: ["qwen3", "llama3.2"], source: .config,
            problem: "could not connect to http://127.0.0.1:11434"),
    ]

    static func state(messages: [Message] = [question, answer]) -> AppState {
        var state = AppState(size: Size(width: 120, height: 30))
        state.controls = ControlsState(
            providers: ["deepseek": deepseek, "ollama": ollama], fallback: deepseek,
            presets: ["pirate": "Answer like a pirate.", "terse": "Answer in one line."])
        _ = Reducer.reduce(&state, .conversationOpened(conversation, messages))
        return state
    }

    @discardableResult
    static func press(_ state: inout AppState, _ press: KeyPress, at time: Double = 1) -> [Effect] {
        Reducer.reduce(&state, .input(.key(press), at: time))
    }

    static func type(_ state: inout AppState, _ text: String) {
        for character in text { press(&state, .character(character)) }
    }

    static func saved(_ effects: [Effect]) -> ConversationControls? {
        for effect in effects {
            if case .controls(.save(let controls, let id)) = effect, id == conversation.id { return controls }
        }
        return nil
    }

    @Test func theEffortKeyCyclesTheProvidersLevelsAndSavesEach() {
        var state = Self.state()
        var seen: [ThinkingEffort?] = []
        for _ in 0..<5 {
            let effects = Self.press(&state, .alt(.character("t")))
            seen.append(Self.saved(effects)?.effort)
        }
        #expect(seen == [.off, .low, .high, .max, .off])
        #expect(state.controls.current.effort == .off)
        #expect(StatusBarView.summary(state).hasPrefix("deepseek · deepseek-reasoner · think off"))
    }

    @Test func aModelThatCannotBeToldHowHardToThinkSaysSo() {
        var state = Self.state()
        state.controls.current = ConversationControls(provider: "ollama", model: "llama3.2")
        let effects = Self.press(&state, .alt(.character("t")))
        #expect(effects.isEmpty)
        #expect(state.notice?.text.contains("llama3.2 cannot be told how hard to think") == true)
    }

    @Test func thePickerListsConfiguredModelsAtOnceAndTheServersListsWhenTheyCome() {
        var state = Self.state()
        let effects = Self.press(&state, .alt(.character("m")))
        #expect(effects == [.controls(.listModels)])
        #expect(state.overlay == .modelPicker)
        let rows = state.controls.picker?.rows(configured: state.controls.providers) ?? []
        #expect(rows.compactMap(\.model) == ["deepseek-reasoner", "qwen3", "llama3.2"])
        #expect(state.controls.picker?.selection == 0)
        _ = Reducer.reduce(&state, .controls(.modelsListed(Self.listings)))
        let listed = state.controls.picker?.rows(configured: state.controls.providers) ?? []
        #expect(listed.contains { $0.isProblem && $0.detail.contains("could not connect") })
        let choices = listed.filter { $0.model != nil }
        // The selection stays on the same model when the list changes under it.
        #expect(choices[state.controls.picker?.selection ?? -1].model == "deepseek-reasoner")
    }

    @Test func typingFiltersAndEnterSwitchesTheConversationsModel() {
        var state = Self.state()
        Self.press(&state, .alt(.character("m")))
        Self.type(&state, "3.2")
        let choices = state.controls.picker?.choices(configured: state.controls.providers) ?? []
        #expect(choices.map(\.model) == ["llama3.2"])
        let effects = Self.press(&state, KeyPress(.enter))
        #expect(state.overlay == nil)
        #expect(Self.saved(effects) == ConversationControls(provider: "ollama", model: "llama3.2"))
        #expect(state.providerLabel == "ollama")
        #expect(state.modelLabel == "llama3.2")
        #expect(!effects.contains(.regenerate(Self.answer.id)))
    }

    @Test func ctrlRInThePickerAsksTheSelectedAnswerAgainOfTheChosenModel() {
        var state = Self.state()
        Self.press(&state, .alt(.character("m")))
        Self.press(&state, KeyPress(.down))
        let effects = Self.press(&state, .ctrl("r"))
        #expect(Self.saved(effects)?.model == "qwen3")
        #expect(effects.last == .regenerate(Self.answer.id))
    }

    @Test func escapeClosesThePickerWithoutAChange() {
        var state = Self.state()
        Self.press(&state, .alt(.character("m")))
        Self.type(&state, "q")
        let effects = Self.press(&state, KeyPress(.escape))
        #expect(effects.isEmpty)
        #expect(state.overlay == nil && state.controls.picker == nil)
        #expect(state.controls.current.model == "deepseek-reasoner")
    }

    @Test func theSystemPromptIsEditedInTheEditorAndSavedWithEnter() {
        var state = Self.state()
        Self.press(&state, .alt(.character("s")))
        #expect(state.controls.editingSystemPrompt && state.focus == .editor)
        Self.type(&state, "Be brief.")
        let effects = Self.press(&state, KeyPress(.enter))
        #expect(Self.saved(effects)?.systemPrompt == "Be brief.")
        #expect(!effects.contains { if case .send = $0 { return true } else { return false } })
        #expect(state.editor.isEmpty && !state.controls.editingSystemPrompt)
        // Editing again starts from the saved text; Esc leaves it as it was.
        Self.press(&state, .alt(.character("s")))
        #expect(state.editor.text == "Be brief.")
        Self.type(&state, " Very.")
        #expect(Self.press(&state, KeyPress(.escape)).isEmpty)
        #expect(state.controls.current.systemPrompt == "Be brief.")
        // The external editor's text comes back into the same edit.
        Self.press(&state, .alt(.character("s")))
        #expect(Self.press(&state, .alt(.character("e"))) == [.editExternally("Be brief.")])
        _ = Reducer.reduce(&state, .editorTextEdited("From $EDITOR"))
        #expect(Self.saved(Self.press(&state, KeyPress(.enter)))?.systemPrompt == "From $EDITOR")
    }

    @Test func aPresetIsPickedFromTheListAndNoneClearsIt() {
        var state = Self.state()
        Self.press(&state, .alt(.character("p")))
        #expect(state.overlay == .presets(selection: 0))
        Self.press(&state, KeyPress(.down))
        var effects = Self.press(&state, KeyPress(.enter))
        #expect(Self.saved(effects)?.systemPrompt == "Answer like a pirate.")
        Self.press(&state, .alt(.character("p")))
        #expect(state.overlay == .presets(selection: 1))
        Self.press(&state, KeyPress(.up))
        effects = Self.press(&state, KeyPress(.enter))
        #expect(Self.saved(effects) != nil && Self.saved(effects)?.systemPrompt == nil)
    }

    @Test func withoutPresetsTheKeySaysHowToAddThem() {
        var state = Self.state()
        state.controls.presets = [:]
        Self.press(&state, .alt(.character("p")))
        #expect(state.overlay == nil)
        #expect(state.notice?.text.contains("[presets]") == true)
    }

    @Test func theBudgetPromptTakesDigitsAndSavesTheBudget() {
        var state = Self.state()
        Self.press(&state, .alt(.character("l")))
        #expect(state.overlay == .budget(text: ""))
        Self.type(&state, "40x96")
        #expect(state.overlay == .budget(text: "4096"))
        let effects = Self.press(&state, KeyPress(.enter))
        #expect(Self.saved(effects)?.maxOutputTokens == 4096)
        #expect(StatusBarView.summary(state).contains("max 4,096"))
        // Emptied, the provider's default applies again.
        Self.press(&state, .alt(.character("l")))
        for _ in 0..<4 { Self.press(&state, KeyPress(.backspace)) }
        let cleared = Self.press(&state, KeyPress(.enter))
        #expect(Self.saved(cleared) != nil && Self.saved(cleared)?.maxOutputTokens == nil)
    }

    @Test func anAnswerThatUsedItsBudgetWhileThinkingSaysSoAndCanBeContinued() {
        var thinkingOnly = Self.answer
        thinkingOnly.answer = ""
        thinkingOnly.status = .streaming
        var state = Self.state(messages: [Self.question])
        state.controls.current.maxOutputTokens = 512
        _ = Reducer.reduce(&state, .streamStarted(conversation: Self.conversation, user: nil, assistant: thinkingOnly))
        _ = Reducer.reduce(
            &state,
            .streamEnded(
                TurnEnd(
                    conversationID: Self.conversation.id, answerID: thinkingOnly.id, status: .complete,
                    errorText: nil, phase: .finished(.length))))
        #expect(state.messages.last?.finishReason == .length)
        #expect(state.activity.contains("budget used up while thinking"))
        let note = TranscriptView.endingNote(state.messages[state.messages.count - 1]) ?? ""
        #expect(note.contains("while still thinking, so no answer came"))
        #expect(Self.press(&state, .ctrl("g")) == [.continueAnswer(thinkingOnly.id)])
        // The budget prompt suggests twice the budget; Ctrl-R there sets it and asks again.
        Self.press(&state, .alt(.character("l")))
        #expect(state.overlay == .budget(text: "1024"))
        let effects = Self.press(&state, .ctrl("r"))
        #expect(Self.saved(effects)?.maxOutputTokens == 1024)
        #expect(effects.last == .regenerate(thinkingOnly.id))
    }

    @Test func aTurnStartingInTheOpenConversationKeepsTheScreensNewerChoice() {
        var state = Self.state()
        Self.press(&state, .alt(.character("t")))
        var next = Self.answer
        next.id = MessageID("a1b")
        next.status = .streaming
        // The turn was prepared before the key: its conversation still has no effort.
        _ = Reducer.reduce(&state, .streamStarted(conversation: Self.conversation, user: nil, assistant: next))
        #expect(state.controls.current.effort == .off)
    }

    @Test func anAnswerCutShortByTheBudgetIsDoneAndSaysHowToGoOn() {
        var partial = Self.answer
        partial.status = .streaming
        var state = Self.state(messages: [Self.question])
        _ = Reducer.reduce(&state, .streamStarted(conversation: Self.conversation, user: nil, assistant: partial))
        _ = Reducer.reduce(
            &state,
            .streamEnded(
                TurnEnd(
                    conversationID: Self.conversation.id, answerID: partial.id, status: .complete, errorText: nil,
                    phase: .finished(.length))))
        #expect(state.activity == "done · cut short by the budget, Ctrl-G continues")
        #expect(TranscriptView.endingNote(state.messages[state.messages.count - 1])?.contains("cut short") == true)
        #expect(Self.press(&state, .ctrl("g")) == [.continueAnswer(partial.id)])
        // A complete answer that ended normally has no note and is not continued.
        var finished = state.messages[state.messages.count - 1]
        finished.finishReason = .stop
        #expect(TranscriptView.endingNote(finished) == nil)
        // An answer that ended without a reason, or for lack of capacity, may be incomplete: it says so.
        finished.finishReason = .unspecified
        #expect(TranscriptView.endingNote(finished)?.contains("without saying why (no finish reason)") == true)
        finished.finishReason = .insufficientResources
        #expect(TranscriptView.endingNote(finished)?.contains("stopped the answer early") == true)
        finished.status = .interrupted
        #expect(TranscriptView.endingNote(finished) == nil, "an interrupted answer has its own mark")
    }

    @Test func openingAConversationShowsItsOwnControls() {
        var state = Self.state()
        var other = Conversation(id: ConversationID("c2"), title: "Other", createdAt: Self.start)
        other.controls = ConversationControls(provider: "ollama", model: "llama3.2", effort: .on, systemPrompt: "Hi")
        _ = Reducer.reduce(&state, .conversationOpened(other, []))
        #expect(state.providerLabel == "ollama" && state.modelLabel == "llama3.2")
        #expect(state.controls.current.systemPrompt == "Hi")
        // A conversation without controls follows the provider the app started with.
        _ = Reducer.reduce(&state, .conversationOpened(Conversation(title: "Old", createdAt: Self.start), []))
        #expect(state.providerLabel == "deepseek" && state.modelLabel == "deepseek-reasoner")
    }

    @Test func everyControlsKeyIsInTheKeymapAndCanBeRemapped() {
        let actions: [ControlsAction] = [.pickModel, .cycleEffort, .editSystemPrompt, .pickPreset, .setBudget]
        for action in actions {
            #expect(Keymap.standard.bindings.contains { $0.action == .controls(action) })
            #expect(Keymap.actionsByName.values.contains(.controls(action)))
        }
        #expect(Set(Keymap.actionsByName.keys) == Set(KeyRemap.actionNames))
    }
}
