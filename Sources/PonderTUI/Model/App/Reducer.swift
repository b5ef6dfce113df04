import PonderCore

/// The one place state changes: `reduce(&state, event) -> [Effect]`. Pure — no I/O, no clock,
/// no terminal — so every behaviour is tested by feeding events and comparing states.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ event: AppEvent, keymap: Keymap = .standard) -> [Effect] {
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
        case .conversationsLoaded(let conversations):
            state.conversations = conversations
            state.selectedConversation = min(state.selectedConversation, max(0, conversations.count - 1))
        case .providerChanged(let provider, let model):
            state.providerLabel = provider
            state.modelLabel = model
        case .submitRejected(let text, let reason):
            if state.editor.isEmpty {
                state.editor = EditorState(text: text)
            } else {
                state.editor = EditorState(text: text + "\n" + state.editor.text)
            }
            state.notice = Notice(reason)
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
        case .conversationOpened, .streamStarted, .streamUpdated, .streamEnded:
            return reduceChat(&state, event)
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
            state.transcriptRows = report.transcriptRows
        case .browser:
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
            return handleMouse(mouse, state: &state)
        case .resize:
            return []
        }
    }

    static func handleKey(_ press: KeyPress, now: Double, state: inout AppState, keymap: Keymap) -> [Effect] {
        if let effects = modalKey(press, now: now, state: &state) { return effects }
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
            if state.layout.isTooSmall && binding.action != .quit && binding.action != .interrupt { return [] }
            return perform(binding.action, in: context, now: now, state: &state)
        }
        if contexts.first == .editor, case .character(let character) = press.key,
            press.modifiers.subtracting(.shift).isEmpty
        {
            state.editor.insert(String(character))
        }
        return []
    }

    static func perform(_ action: Action, in context: KeyContext, now: Double, state: inout AppState) -> [Effect] {
        switch action {
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .interrupt:
            if let until = state.quitArmedUntil, now < until {
                state.isQuitting = true
                return [.quit]
            }
            state.quitArmedUntil = now + AppState.interruptWindow
            state.notice = Notice("Press Ctrl-C again to quit", expiresAt: now + AppState.interruptWindow)
        case .showHelp: state.overlay = .help(scroll: 0)
        case .closeOverlay: state.overlay = nil
        case .toggleSidebar:
            state.sidebarPreference = !(state.layout.sidebar != nil)
            keepFocusVisible(&state)
        case .toggleThinkingPanel:
            state.thinkingCollapsed.toggle()
            keepFocusVisible(&state)
        case .widenThinkingPanel, .narrowThinkingPanel:
            let step = action == .widenThinkingPanel ? 0.05 : -0.05
            state.thinkingPanelRatio = min(0.8, max(0.2, ((state.thinkingPanelRatio + step) * 100).rounded() / 100))
            state.thinkingCollapsed = false
            state.notice = Notice(
                "Thinking panel: \(Int(state.thinkingPanelRatio * 100))% of the width", expiresAt: now + 2)
        case .swapThinkingPanelSide:
            state.thinkingPanelOnLeft.toggle()
        case .focusNext, .focusPrevious:
            moveFocus(&state, forward: action == .focusNext)
        case .submit:
            let text = state.editor.text
            guard !text.allSatisfy(\.isWhitespace) else { return [] }
            if state.stream != nil {
                state.notice = Notice("Still answering — wait, or press Esc to stop it", expiresAt: now + 3)
                return []
            }
            state.editor = EditorState()
            state.promptRecall.record(text)
            if let question = state.editingQuestion {
                state.editingQuestion = nil
                return [.resend(text: text, replacing: question)]
            }
            return [.send(text: text, conversationID: state.conversationID, after: state.visibleMessages.last?.id)]
        case .cancelStream:
            guard let stream = state.stream else { return [] }
            return [.cancelStream(stream.messageID)]
        case .toggleFold:
            if state.focus == .sidebar, state.conversations.indices.contains(state.selectedConversation) {
                let id = state.conversations[state.selectedConversation].id
                return id == state.conversationID || state.stream != nil ? [] : [.openConversation(id, focus: nil)]
            }
            guard state.focus == .transcript else {
                if context == .pane { scrollPane(.pageDown, state: &state) }
                return []
            }
            return toggleFold(&state)
        case .toggleAllFolds:
            return toggleAllFolds(&state)
        case .regenerate, .continueAnswer:
            return retry(&state, continuing: action == .continueAnswer, now: now)
        case .copy:
            return copy(&state, now: now)
        case .copyCodeBlock:
            return copyCodeBlock(&state, now: now)
        case .previousSibling, .nextSibling:
            flipSibling(&state, forward: action == .nextSibling)
        case .previousQuestionVersion, .nextQuestionVersion:
            flipQuestion(&state, forward: action == .nextQuestionVersion)
        case .editQuestion:
            editQuestion(&state, now: now)
        case .selectPreviousMessage, .selectNextMessage:
            selectMessage(&state, forward: action == .selectNextMessage)
        case .editInExternalEditor:
            state.awaitingCtrlXSecondKey = false
            return [.editExternally(state.editor.text)]
        case .find:
            startFind(&state, now: now)
        case .findNext, .findPrevious:
            moveFind(&state, forward: action == .findNext, now: now)
        default:
            if context == .help {
                scrollHelp(action, state: &state)
            } else if context == .editor {
                edit(action, state: &state)
            } else {
                scrollPane(action, state: &state)
            }
        }
        return []
    }

    static func expireDeadlines(_ state: inout AppState, now: Double) {
        if let until = state.quitArmedUntil, now >= until { state.quitArmedUntil = nil }
        if let expiry = state.notice?.expiresAt, now >= expiry { state.notice = nil }
    }

    static func keepFocusVisible(_ state: inout AppState) {
        if !state.layout.visiblePanes.contains(state.focus) { state.focus = .editor }
    }

    static func moveFocus(_ state: inout AppState, forward: Bool) {
        let panes = state.layout.visiblePanes
        let current = panes.firstIndex(of: state.focus) ?? panes.count - 1
        let next = (current + (forward ? 1 : panes.count - 1)) % panes.count
        state.focus = panes[next]
    }
}
