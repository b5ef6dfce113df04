import PonderCore

/// The chat part of the reducer: the open conversation, streaming progress and fold states.
extension Reducer {
    /// A conversation loaded from the store becomes the open one.
    static func open(_ conversation: Conversation, messages: [Message], state: inout AppState) {
        state.conversationID = conversation.id
        state.messages = messages
        state.sendsWhenSaved = false
        adoptControls(of: conversation, state: &state)
        state.selectedMessageID = nil
        state.scroll.transcriptFromBottom = 0
        state.scroll.thinkingFromBottom = 0
        if let index = state.listing.summaries.firstIndex(where: { $0.id == conversation.id }) {
            state.selectedConversation = index
        }
        state.find = nil
        state.scroll.jump = nil
        if let pending = state.pendingSearchFocus, pending.conversation == conversation.id {
            state.pendingSearchFocus = nil
            applySearchFocus(pending.focus, state: &state)
        }
    }

    /// A turn started: its question (when it asks one) and its answer row join the open conversation,
    /// which moves to the top of the list.
    static func startStream(
        in conversation: Conversation, question: Message?, answer assistant: Message, state: inout AppState
    ) {
        if state.conversationID != conversation.id {
            state.conversationID = conversation.id
            state.messages = []
            // In the open conversation the screen's latest choice stands (it may be newer than the turn's).
            adoptControls(of: conversation, state: &state)
        }
        let isNewAnswer = !state.messages.contains { $0.id == assistant.id }
        state.listing = state.listing.updating(
            conversation, addedMessages: (question == nil ? 0 : 1) + (isNewAnswer ? 1 : 0))
        state.selectedConversation = state.listing.summaries.firstIndex { $0.id == conversation.id } ?? 0
        if let question {
            state.messages.append(question)
            state.shownAnswers[state.branchKey(of: question)] = question.id
        }
        if let index = state.messages.lastIndex(where: { $0.id == assistant.id }) {
            state.messages[index] = assistant
        } else {
            state.messages.append(assistant)
        }
        if let parent = assistant.parentID { state.shownAnswers[parent] = assistant.id }
        state.selectedMessageID = nil
        state.scroll.transcriptFromBottom = 0
        state.scroll.thinkingFromBottom = 0
        state.stream = StreamProgress(messageID: assistant.id, updatedAt: assistant.timings.sent ?? assistant.createdAt)
        state.activity = "connecting…"
    }

    /// A turn ended: the answer takes its final status and error text (its text, usage and timings
    /// came with the updates; its fold state is the reader's).
    static func endStream(_ end: TurnEnd, state: inout AppState) {
        if let index = state.messages.lastIndex(where: { $0.id == end.answerID }) {
            state.messages[index].status = end.status
            state.messages[index].errorText = end.errorText
            if state.stream?.messageID == end.answerID {
                state.session.add(state.messages[index].usage, prices: state.prices)
            }
            if case .finished(let reason) = end.phase { state.messages[index].finishReason = reason }
        }
        if state.stream?.messageID == end.answerID { state.stream = nil }
        switch end.status {
        case .complete: state.activity = "done"
        case .cancelled: state.activity = "cancelled · Ctrl-G continues, Ctrl-R retries"
        case .interrupted: state.activity = "interrupted · Ctrl-G continues, Ctrl-R retries"
        case .failed: state.activity = "error · Ctrl-R retries"
        case .streaming: state.activity = "ready"
        }
        if let errorText = end.errorText { showErrorNotice(errorText, state: &state) }
        noteBudgetEnding(end, state: &state)
    }

    /// A continuation that could not be made: the answer shows as it was stored again (the reader's
    /// fold state kept), its stream is over, and the notice says a new version answers instead.
    static func setAside(_ kept: Message, notice: String, state: inout AppState) {
        if let index = state.messages.lastIndex(where: { $0.id == kept.id }) {
            let folded = state.messages[index].reasoningFolded
            state.messages[index] = kept
            state.messages[index].reasoningFolded = folded
        }
        if state.stream?.messageID == kept.id { state.stream = nil }
        state.notice = Notice(Sanitizer.sanitizeLine(notice))
    }

    static func applyUpdate(_ update: StreamUpdate, state: inout AppState) {
        guard let index = state.messages.lastIndex(where: { $0.id == update.messageID }) else { return }
        state.messages[index].reasoning += update.reasoning
        state.messages[index].answer += update.answer
        if let usage = update.usage { state.messages[index].usage = usage }
        if let timings = update.timings { state.messages[index].timings = timings }
        guard var stream = state.stream, stream.messageID == update.messageID else { return }
        stream.reasoningChunks += update.reasoningChunks
        stream.answerChunks += update.answerChunks
        stream.updatedAt = update.at
        stream.silence.heardData()
        if let phase = update.phase {
            if phase == .answering && stream.phase != .answering && state.collapseThinkingOnAnswer {
                state.thinkingCollapsed = true
                keepFocusVisible(&state)
            }
            stream.phase = phase
        }
        state.stream = stream
        state.activity = stream.activity
    }

    /// Answer actions: stopping, asking again, and which answer and version shows.
    static func performAnswer(_ action: AnswerAction, now: Double, state: inout AppState) -> [Effect] {
        switch action {
        case .cancelStream:
            guard let stream = state.stream else { return [] }
            return [.cancelStream(stream.messageID)]
        case .regenerate, .continueAnswer:
            return retry(&state, continuing: action == .continueAnswer, now: now)
        case .selectPrevious, .selectNext:
            selectMessage(&state, forward: action == .selectNext)
        case .previousSibling, .nextSibling:
            flipSibling(&state, forward: action == .nextSibling)
        case .previousQuestionVersion, .nextQuestionVersion:
            flipQuestion(&state, forward: action == .nextQuestionVersion)
        case .editQuestion:
            editQuestion(&state, now: now)
        }
        return []
    }

    /// Fold actions. In the sidebar the fold key opens the selected conversation; in the thinking
    /// panel it pages down.
    static func fold(_ action: FoldAction, in context: KeyContext, state: inout AppState) -> [Effect] {
        switch action {
        case .toggleAll:
            return toggleAllFolds(&state)
        case .toggle:
            if state.focus == .sidebar, state.listing.summaries.indices.contains(state.selectedConversation) {
                let id = state.listing.summaries[state.selectedConversation].id
                return id == state.conversationID || state.stream != nil ? [] : [.openConversation(id, focus: nil)]
            }
            guard state.focus == .transcript else {
                if context == .pane { scrollPane(.pageDown, state: &state) }
                return []
            }
            return toggleFold(&state)
        }
    }

    /// Copy actions.
    static func copy(_ action: CopyAction, now: Double, state: inout AppState) -> [Effect] {
        switch action {
        case .text: return copyText(&state, now: now)
        case .codeBlock: return copyCodeBlock(&state, now: now)
        }
    }

    /// The assistant message that transcript actions apply to.
    static func selectedAssistantIndex(_ state: AppState) -> Int? {
        if let id = state.selectedMessageID, let index = state.messages.lastIndex(where: { $0.id == id }) {
            return index
        }
        guard let newest = state.visibleIndices.last(where: { state.messages[$0].role == .assistant }) else {
            return nil
        }
        let id = state.messages[newest].id
        return state.messages.lastIndex(where: { $0.id == id })
    }

    /// Regenerate or continue the selected answer (not while another streams).
    static func retry(_ state: inout AppState, continuing: Bool, now: Double) -> [Effect] {
        guard state.stream == nil, let index = selectedAssistantIndex(state) else { return [] }
        let message = state.messages[index]
        if continuing {
            guard message.status.isIncomplete || ResponseEnding(message) != .answered else {
                state.notice = Notice("This answer is complete — Ctrl-R asks again", expiresAt: now + 3)
                return []
            }
            return [.continueAnswer(message.id)]
        }
        return [.regenerate(message.id)]
    }

    /// Copies the selected answer, or in the thinking panel the reasoning it shows.
    static func copyText(_ state: inout AppState, now: Double) -> [Effect] {
        let text: String
        switch state.focus {
        case .transcript:
            guard let index = selectedAssistantIndex(state) else { return [] }
            text = state.messages[index].answer
        case .thinking:
            text = state.panelMessage?.reasoning ?? ""
        case .sidebar, .editor:
            return []
        }
        guard !text.isEmpty else {
            state.notice = Notice("Nothing to copy yet", expiresAt: now + 3)
            return []
        }
        state.notice = Notice("Copied \(text.count) characters to the clipboard", expiresAt: now + 3)
        return [.copyToClipboard(text)]
    }

    /// `c`: copies the selected answer's code block, or opens the picker when there are several
    /// (in the thinking panel: the reasoning's code blocks).
    static func copyCodeBlock(_ state: inout AppState, now: Double) -> [Effect] {
        let text: String
        if state.focus == .thinking {
            text = state.panelMessage?.reasoning ?? ""
        } else {
            guard let index = selectedAssistantIndex(state) else { return [] }
            text = state.messages[index].answer
        }
        let blocks = CodeBlock.all(in: text)
        switch blocks.count {
        case 0:
            state.notice = Notice("No code blocks here — y copies the whole text", expiresAt: now + 3)
            return []
        case 1:
            return copyBlock(blocks[0], state: &state, now: now)
        default:
            state.overlay = .codeBlocks(blocks, selection: 0)
            return []
        }
    }

    /// A key in the code-block picker: 1–9 or Enter copies, arrows and j/k move, Esc/q close.
    static func pickCodeBlock(
        _ press: KeyPress, blocks: [CodeBlock], selection: Int, state: inout AppState, now: Double
    ) -> [Effect] {
        switch press.key {
        case .escape, .character("q"):
            state.overlay = nil
        case .up, .character("k"):
            state.overlay = .codeBlocks(blocks, selection: max(0, selection - 1))
        case .down, .character("j"):
            state.overlay = .codeBlocks(blocks, selection: min(blocks.count - 1, selection + 1))
        case .enter:
            state.overlay = nil
            return copyBlock(blocks[selection], state: &state, now: now)
        case .character(let character):
            if press == .ctrl("q") { return performApp(.quit, now: now, state: &state) }
            guard let digit = character.wholeNumberValue, digit >= 1, digit <= blocks.count else { break }
            state.overlay = nil
            return copyBlock(blocks[digit - 1], state: &state, now: now)
        default:
            break
        }
        return []
    }

    private static func copyBlock(_ block: CodeBlock, state: inout AppState, now: Double) -> [Effect] {
        let lines = block.code.split(separator: "\n", omittingEmptySubsequences: false).count
        let language = block.language.isEmpty ? "" : " \(Sanitizer.sanitizeLine(block.language))"
        state.notice = Notice(
            "Copied the\(language) code block (\(lines) line\(lines == 1 ? "" : "s")) to the clipboard",
            expiresAt: now + 3)
        return [.copyToClipboard(block.code)]
    }

    /// Shows the previous or next answer to the same user message.
    static func flipSibling(_ state: inout AppState, forward: Bool) {
        guard let index = selectedAssistantIndex(state), let parent = state.messages[index].parentID else { return }
        guard state.messages[index].id != state.stream?.messageID else { return }
        let siblings = state.siblings(of: state.messages[index])
        guard let position = siblings.firstIndex(where: { $0.id == state.messages[index].id }) else { return }
        let next = min(siblings.count - 1, max(0, position + (forward ? 1 : -1)))
        state.shownAnswers[parent] = siblings[next].id
        if state.selectedMessageID != nil || next != siblings.count - 1 { state.selectedMessageID = siblings[next].id }
        state.scroll.thinkingFromBottom = 0
    }

    /// Shows the previous or next version of the last question (edited with `e`), with the
    /// answers given to that version.
    static func flipQuestion(_ state: inout AppState, forward: Bool) {
        guard state.stream == nil,
            let question = state.visibleMessages.last(where: { $0.role == .user })
        else { return }
        let versions = state.siblings(of: question)
        guard versions.count > 1, let position = versions.firstIndex(where: { $0.id == question.id }) else { return }
        let next = min(versions.count - 1, max(0, position + (forward ? 1 : -1)))
        state.shownAnswers[state.branchKey(of: question)] = versions[next].id
        state.selectedMessageID = nil
        state.scroll = PaneScroll()
    }

    /// `e`: the last question goes into the editor; sending it asks again as a new version.
    static func editQuestion(_ state: inout AppState, now: Double) {
        guard state.stream == nil else {
            state.notice = Notice("Still answering — wait, or press Esc to stop it", expiresAt: now + 3)
            return
        }
        guard let question = state.visibleMessages.last(where: { $0.role == .user }) else { return }
        state.editingQuestion = question.id
        state.editor = EditorState(text: question.answer)
        state.focus = .editor
        state.notice = Notice(
            "Editing your last question — Enter asks again (the first version stays: { } switch), Esc cancels",
            expiresAt: now + 6)
    }

    static func toggleFold(_ state: inout AppState) -> [Effect] {
        guard let index = selectedAssistantIndex(state) else { return [] }
        let folded = !state.isFolded(state.messages[index])
        state.messages[index].reasoningFolded = folded
        return [.setReasoningFolded(state.messages[index].id, folded)]
    }

    static func toggleAllFolds(_ state: inout AppState) -> [Effect] {
        let indices = state.messages.indices.filter {
            state.messages[$0].role == .assistant && !state.messages[$0].reasoning.isEmpty
        }
        guard !indices.isEmpty else { return [] }
        let fold = !indices.allSatisfy { state.isFolded(state.messages[$0]) }
        var effects: [Effect] = []
        for index in indices where state.isFolded(state.messages[index]) != fold {
            state.messages[index].reasoningFolded = fold
            effects.append(.setReasoningFolded(state.messages[index].id, fold))
        }
        return effects
    }

    static func selectMessage(_ state: inout AppState, forward: Bool) {
        let assistants = state.visibleMessages.filter { $0.role == .assistant }.map(\.id)
        guard !assistants.isEmpty else { return }
        let current = state.selectedMessageID.flatMap { assistants.firstIndex(of: $0) } ?? assistants.count - 1
        let next = min(assistants.count - 1, max(0, current + (forward ? 1 : -1)))
        state.selectedMessageID = next == assistants.count - 1 ? nil : assistants[next]
        state.scroll.thinkingFromBottom = 0
    }
}
