import Foundation
import PonderCore

/// The per-conversation controls in the reducer: the keys that change them, the model picker, the
/// preset list and the budget prompt. Each change applies from the conversation's next request and is
/// saved with it (`ControlsEffect.save`).
extension Reducer {
    static func performControls(_ action: ControlsAction, now: Double, state: inout AppState) -> [Effect] {
        guard state.controls.activeProvider != nil else {
            state.notice = Notice("No provider is set up yet — see the steps above", expiresAt: now + 3)
            return []
        }
        switch action {
        case .pickModel:
            var picker = ModelPicker()
            let choices = picker.choices(configured: state.controls.providers)
            picker.selection = choices.firstIndex { isCurrent($0, state.controls) } ?? 0
            state.controls.picker = picker
            state.overlay = .modelPicker
            return [.controls(.listModels)]
        case .cycleEffort:
            return cycleEffort(now: now, state: &state)
        case .editSystemPrompt:
            state.editingQuestion = nil
            state.controls.editingSystemPrompt = true
            state.editor = EditorState(text: state.controls.current.systemPrompt ?? "")
            state.focus = .editor
            state.notice = Notice("System prompt — Enter saves it (empty: none), Alt-E opens $EDITOR, Esc cancels")
        case .pickPreset:
            guard !state.controls.presets.isEmpty else {
                state.notice = Notice(
                    "No presets yet — add a [presets] table (name = \"prompt\") to the config file", expiresAt: now + 5)
                return []
            }
            let names = presetNames(state.controls)
            let current = names.firstIndex { state.controls.presets[$0] == state.controls.current.systemPrompt }
            state.overlay = .presets(selection: current.map { $0 + 1 } ?? 0)
        case .setBudget:
            state.overlay = .budget(text: suggestedBudget(state).map(String.init) ?? "")
        }
        return []
    }

    static func reduceControls(_ event: ControlsEvent, state: inout AppState) {
        switch event {
        case .modelsListed(let listings):
            guard var picker = state.controls.picker else { return }
            let before = picker.choices(configured: state.controls.providers)
            let selected = before.indices.contains(picker.selection) ? before[picker.selection] : nil
            picker.listings = listings
            let after = picker.choices(configured: state.controls.providers)
            picker.selection =
                after.firstIndex { $0.provider == selected?.provider && $0.model == selected?.model }
                ?? after.firstIndex { isCurrent($0, state.controls) } ?? 0
            state.controls.picker = picker
        }
    }

    /// A conversation's stored choices become the screen's (a conversation without any follows the
    /// provider the app started with).
    static func adoptControls(of conversation: Conversation, state: inout AppState) {
        var controls = conversation.controls
        if controls.provider == nil, let fallback = state.controls.fallback {
            controls.provider = fallback.name
            controls.model = controls.model ?? fallback.model
        }
        state.controls.current = controls
        showControls(&state)
    }

    /// The status bar's provider and model follow the controls.
    static func showControls(_ state: inout AppState) {
        guard let provider = state.controls.activeProvider else { return }
        state.providerLabel = provider.name
        state.modelLabel = state.controls.modelName
    }

    /// New choices for the open conversation: shown, and saved with it.
    static func change(_ controls: ConversationControls, state: inout AppState) -> [Effect] {
        state.controls.current = controls
        showControls(&state)
        return [.controls(.save(controls, conversation: state.conversationID))]
    }

    static func cycleEffort(now: Double, state: inout AppState) -> [Effect] {
        guard let settings = state.controls.settings else { return [] }
        let efforts = settings.capabilities.efforts
        guard let first = efforts.first else {
            state.notice = Notice(
                "\(Sanitizer.sanitizeLine(settings.model)) cannot be told how hard to think", expiresAt: now + 4)
            return []
        }
        let next = settings.effectiveThinking.effort.map { $0.next(in: efforts) } ?? first
        var controls = state.controls.current
        controls.effort = next
        state.notice = Notice(
            "Thinking effort \(next.rawValue) from the next message (\(efforts.map(\.rawValue).joined(separator: " → ")))",
            expiresAt: now + 4)
        return change(controls, state: &state)
    }

    /// Enter while the editor holds the system prompt: saves it (empty text removes it).
    static func saveSystemPrompt(now: Double, state: inout AppState) -> [Effect] {
        let text = state.editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
        state.controls.editingSystemPrompt = false
        state.editor = EditorState()
        var controls = state.controls.current
        controls.systemPrompt = text.isEmpty ? nil : text
        state.notice = Notice(
            text.isEmpty
                ? "No system prompt for this conversation" : "System prompt saved — it applies from the next message",
            expiresAt: now + 4)
        return change(controls, state: &state)
    }

    /// Keys taken by the controls' overlays and by the system-prompt editing; nil for the others.
    static func controlsKey(_ press: KeyPress, now: Double, state: inout AppState) -> [Effect]? {
        switch state.overlay {
        case .modelPicker:
            return pickerKey(press, now: now, state: &state)
        case .presets(let selection):
            return presetKey(press, selection: selection, now: now, state: &state)
        case .budget(let text):
            return budgetKey(press, text: text, now: now, state: &state)
        case .help, .codeBlocks, .statistics, .effort, .errorText:
            return nil
        case nil:
            guard state.controls.editingSystemPrompt, press == KeyPress(.escape), state.focus == .editor else {
                return nil
            }
            state.controls.editingSystemPrompt = false
            state.editor = EditorState()
            state.notice = Notice("System prompt unchanged", expiresAt: now + 2)
            return []
        }
    }

    private static func pickerKey(_ press: KeyPress, now: Double, state: inout AppState) -> [Effect] {
        guard var picker = state.controls.picker else {
            state.overlay = nil
            return []
        }
        let choices = picker.choices(configured: state.controls.providers)
        switch (press.key, press.modifiers) {
        case (.escape, _):
            state.overlay = nil
            state.controls.picker = nil
            return []
        case (.enter, _):
            return choose(choices, picker.selection, regenerating: false, now: now, state: &state)
        case (.character("r"), .ctrl):
            return choose(choices, picker.selection, regenerating: true, now: now, state: &state)
        case (.character("q"), .ctrl):
            return performApp(.quit, now: now, state: &state)
        case (.up, _), (.character("p"), .ctrl):
            picker.selection = max(0, picker.selection - 1)
        case (.down, _), (.character("n"), .ctrl):
            picker.selection = min(max(0, choices.count - 1), picker.selection + 1)
        case (.pageUp, _):
            picker.selection = max(0, picker.selection - 10)
        case (.pageDown, _):
            picker.selection = min(max(0, choices.count - 1), picker.selection + 10)
        case (.backspace, _):
            if !picker.filter.isEmpty { picker.filter.removeLast() }
            picker.selection = 0
        case (.character("u"), .ctrl):
            picker.filter = ""
            picker.selection = 0
        case (.character(let character), let modifiers) where modifiers.subtracting(.shift).isEmpty:
            picker.filter.append(character)
            picker.selection = 0
        default:
            break
        }
        state.controls.picker = picker
        return []
    }

    /// The picker's choice applies from the next message; with Ctrl-R the selected answer is also asked
    /// again of it (the new answer becomes a sibling of the old one).
    private static func choose(
        _ choices: [ModelPicker.Row], _ selection: Int, regenerating: Bool, now: Double, state: inout AppState
    ) -> [Effect] {
        guard choices.indices.contains(selection), let model = choices[selection].model else { return [] }
        state.overlay = nil
        state.controls.picker = nil
        var controls = state.controls.current
        controls.provider = choices[selection].provider
        controls.model = model
        var effects = change(controls, state: &state)
        let shown = "\(Sanitizer.sanitizeLine(choices[selection].provider)) · \(Sanitizer.sanitizeLine(model))"
        state.notice = Notice("\(shown) answers from the next message", expiresAt: now + 4)
        if regenerating {
            let retried = retry(&state, continuing: false, now: now)
            if !retried.isEmpty { state.notice = Notice("Asking \(shown) again — < > compare", expiresAt: now + 4) }
            effects += retried
        }
        return effects
    }

    private static func presetKey(_ press: KeyPress, selection: Int, now: Double, state: inout AppState) -> [Effect] {
        let names = presetNames(state.controls)
        switch press.key {
        case .escape, .character("q"):
            state.overlay = nil
        case .up, .character("k"):
            state.overlay = .presets(selection: max(0, selection - 1))
        case .down, .character("j"):
            state.overlay = .presets(selection: min(names.count, selection + 1))
        case .enter:
            state.overlay = nil
            var controls = state.controls.current
            controls.systemPrompt = selection == 0 ? nil : state.controls.presets[names[selection - 1]]
            state.notice = Notice(
                selection == 0
                    ? "No system prompt for this conversation"
                    : "System prompt “\(Sanitizer.sanitizeLine(names[selection - 1]))” from the next message",
                expiresAt: now + 4)
            return change(controls, state: &state)
        default:
            if press == .ctrl("q") { return performApp(.quit, now: now, state: &state) }
        }
        return []
    }

    private static func budgetKey(_ press: KeyPress, text: String, now: Double, state: inout AppState) -> [Effect] {
        switch (press.key, press.modifiers) {
        case (.escape, _):
            state.overlay = nil
        case (.backspace, _):
            state.overlay = .budget(text: String(text.dropLast()))
        case (.character(let digit), []) where digit.isASCII && digit.isNumber:
            if text.count < 9 { state.overlay = .budget(text: text + String(digit)) }
        case (.enter, _), (.character("r"), .ctrl):
            state.overlay = nil
            var controls = state.controls.current
            controls.maxOutputTokens = Int(text).flatMap { $0 > 0 ? $0 : nil }
            var effects = change(controls, state: &state)
            let shown = controls.maxOutputTokens.map { "\(ResponseEnding.grouped($0)) output tokens" }
            state.notice = Notice(
                "Answer budget: \(shown ?? "the provider's default") from the next message", expiresAt: now + 4)
            if press.key != .enter { effects += retry(&state, continuing: false, now: now) }
            return effects
        case (.character("q"), .ctrl):
            return performApp(.quit, now: now, state: &state)
        default:
            break
        }
        return []
    }

    /// The budget the prompt starts with: twice the one used up when the selected answer ran out of it,
    /// else the one in use.
    static func suggestedBudget(_ state: AppState) -> Int? {
        let budget = state.controls.budget
        guard let index = selectedAssistantIndex(state),
            ResponseEnding(state.messages[index]) != .answered, let budget
        else { return budget }
        return budget * 2
    }

    static func presetNames(_ controls: ControlsState) -> [String] {
        controls.presets.keys.sorted()
    }

    static func isCurrent(_ row: ModelPicker.Row, _ controls: ControlsState) -> Bool {
        row.provider == controls.activeProvider?.name && row.model == controls.modelName
    }
}

extension Reducer {
    /// An answer that used its whole budget says so in the status bar, with the keys that go on.
    static func noteBudgetEnding(_ end: TurnEnd, state: inout AppState) {
        guard let message = state.messages.last(where: { $0.id == end.answerID }) else { return }
        switch ResponseEnding(message) {
        case .answered: return
        case .budgetUsedWhileThinking: state.activity = "budget used up while thinking · Ctrl-G continues"
        case .answerCutShort: state.activity = "done · cut short by the budget, Ctrl-G continues"
        }
    }
}
