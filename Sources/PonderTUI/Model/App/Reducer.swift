import PonderCore

/// The one place state changes: `reduce(&state, event) -> [Effect]`. Pure — no I/O, no clock,
/// no terminal — so every behaviour is tested by feeding events and comparing states.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ event: AppEvent, keymap: Keymap = .standard) -> [Effect] {
        clearNoticeOnAction(event, state: &state, keymap: keymap)
        if let effects = BrowserReducer.intercept(&state, event, keymap: keymap) { return effects }
        switch event {
        case .input(let input, let now):
            expireDeadlines(&state, now: now)
            return handle(input, now: now, state: &state, keymap: keymap)
        case .resized(let size):
            state.size = size
            keepFocusVisible(&state)
        case .tick(let now):
            expireDeadlines(&state, now: now)
        case .providerChanged(let provider, let model):
            state.providerLabel = provider
            state.modelLabel = model
        case .submitRejected(let text, let reason):
            if state.editor.isEmpty {
                state.editor = EditorState(text: text)
            } else {
                state.editor = EditorState(text: text + "\n" + state.editor.text)
            }
            showErrorNotice(reason, state: &state)
        case .notice(let text):
            state.notice = Notice(text)
        case .editorTextEdited(let text):
            state.editor = EditorState(text: text)
            state.focus = .editor
        case .promptsLoaded(let newestFirst):
            let session = state.promptRecall.history
            var recall = PromptRecall(history: newestFirst.reversed())
            for prompt in session { recall.record(prompt) }
            recall.position = nil
            state.promptRecall = recall
        case .noticeEnded(let text):
            if state.notice?.text == text { state.notice = nil }
        case .conversationOpened(let conversation, let messages):
            open(conversation, messages: messages, state: &state)
        case .streamStarted(let conversation, let user, let assistant):
            startStream(in: conversation, question: user, answer: assistant, state: &state)
        case .streamUpdated(let update):
            applyUpdate(update, state: &state)
        case .streamEnded(let end):
            endStream(end, state: &state)
            noteUnsaved(end, state: &state)
            return sendWaitingForTheSave(after: end, state: &state)
        case .streamSetAside(let kept, let notice):
            setAside(kept, notice: notice, state: &state)
        case .unsavedRescued(let rescue):
            rescueEnded(rescue, state: &state)
        case .scrollResolved(let report):
            if let position = report.transcript {
                state.scroll.transcriptFromBottom = position.fromBottom
                state.scroll.transcriptLines = position.fromBottom > 0 ? position.drawnLines : nil
            }
            if let position = report.thinking {
                state.scroll.thinkingFromBottom = position.fromBottom
                state.scroll.thinkingLines = position.fromBottom > 0 ? position.drawnLines : nil
            }
            if report.jumped { state.scroll.jump = nil }
            if let trace = report.trace { applyTraceReport(trace, state: &state) }
            state.transcriptRows = report.transcriptRows
            if let index = report.findCurrent { resolveFindFromView(index, state: &state) }
        case .controls(let event):
            reduceControls(event, state: &state)
        case .browser:
            // Taken by `BrowserReducer.intercept` before this switch.
            break
        }
        return []
    }

    static func handle(_ input: InputEvent, now: Double, state: inout AppState, keymap: Keymap) -> [Effect] {
        switch input {
        case .key(let press): return handleKey(press, now: now, state: &state, keymap: keymap)
        case .paste(let text):
            guard !state.layout.isTooSmall, state.overlay == nil else { return [] }
            if pasteIntoFind(text, state: &state) { return [] }
            state.focus = .editor
            state.editor.insert(text)
            return []
        case .mouse(let mouse):
            return handleMouse(mouse, now: now, state: &state)
        case .resize:
            return []
        }
    }

    static func handleKey(_ press: KeyPress, now: Double, state: inout AppState, keymap: Keymap) -> [Effect] {
        if let effects = modalKey(press, now: now, state: &state, keymap: keymap) { return effects }
        let contexts: [KeyContext]
        if state.layout.isTooSmall {
            contexts = [.global]
        } else if state.overlay != nil {
            contexts = [.help, .global]
        } else {
            contexts = [state.focus == .editor ? .editor : .pane, .global]
        }
        let editorEmptyOrUnfocused = state.focus != .editor || state.editor.isEmpty
        let holds: (BindingCondition) -> Bool = { condition in
            switch condition {
            case .always: return true
            case .editorEmptyOrUnfocused: return editorEmptyOrUnfocused
            }
        }
        for context in contexts {
            guard let binding = keymap.binding(for: press, in: context, satisfying: holds) else { continue }
            if state.layout.isTooSmall && binding.action != .app(.quit) && binding.action != .app(.interrupt) {
                return []
            }
            return perform(binding.action, in: context, now: now, state: &state)
        }
        if contexts.first == .editor, case .character(let character) = press.key,
            press.modifiers.subtracting(.shift).isEmpty
        {
            state.editor.insert(String(character))
        }
        return []
    }

    /// Carries out a bound action: each group goes to the function that handles all its cases.
    static func perform(_ action: Action, in context: KeyContext, now: Double, state: inout AppState) -> [Effect] {
        switch action {
        case .app(let action):
            return performApp(action, now: now, state: &state)
        case .layout(let action):
            arrange(action, now: now, state: &state)
        case .scroll(let action):
            if context == .help {
                scrollOverlay(action, state: &state)
            } else if !scrollOutline(action, state: &state) {
                scrollPane(action, state: &state)
            }
        case .editor(let action):
            if action == .submit && state.controls.editingSystemPrompt {
                return saveSystemPrompt(now: now, state: &state)
            }
            return edit(action, now: now, state: &state)
        case .answer(let action):
            return performAnswer(action, now: now, state: &state)
        case .fold(let action):
            if action == .toggle && openOutlineStep(now: now, state: &state) { return [] }
            return fold(action, in: context, state: &state)
        case .copy(let action):
            return copy(action, now: now, state: &state)
        case .find(let action):
            performFind(action, now: now, state: &state)
        case .trace(let action):
            performTrace(action, now: now, state: &state)
        case .controls(let action):
            return performControls(action, now: now, state: &state)
        }
        return []
    }

    static func performApp(_ action: AppAction, now: Double, state: inout AppState) -> [Effect] {
        switch action {
        case .quit:
            return requestQuit(now: now, key: "Ctrl-Q", state: &state)
        case .interrupt:
            // Two presses are one quit request, which asks first like Ctrl-Q (a stream, unsaved text);
            // once it has asked, the next press answers it.
            if state.quitGuard.confirmation != nil {
                return requestQuit(now: now, key: "Ctrl-C", state: &state)
            }
            if let until = state.quitArmedUntil, now < until {
                state.quitArmedUntil = nil
                return requestQuit(now: now, key: "Ctrl-C", state: &state)
            }
            state.quitArmedUntil = now + AppState.interruptWindow
            state.notice = Notice("Press Ctrl-C again to quit", expiresAt: now + AppState.interruptWindow)
        case .showHelp:
            state.overlay = .help(scroll: 0)
        case .closeOverlay:
            state.overlay = nil
        case .openBrowser:
            // Taken by `BrowserReducer.intercept` before the keymap is consulted; nothing left to do.
            break
        case .newConversation:
            return startNewConversation(&state, now: now)
        case .showError:
            showError(&state, now: now)
        }
        return []
    }

    static func expireDeadlines(_ state: inout AppState, now: Double) {
        if let until = state.quitArmedUntil, now >= until { state.quitArmedUntil = nil }
        if let expiry = state.notice?.expiresAt, now >= expiry { state.notice = nil }
        checkSilence(&state, now: now)
        expireQuitConfirmation(&state, now: now)
    }
}
