/// Leaving the open conversation for a new, empty one.
extension Reducer {
    /// Ctrl-N or the sidebar's new-conversation row: an empty transcript and the editor focused; the
    /// conversation is stored when its first question is sent. Refused while an answer streams (the
    /// answer belongs on screen until it ends or is stopped).
    static func startNewConversation(_ state: inout AppState, now: Double? = nil) -> [Effect] {
        if state.stream != nil {
            state.notice = Notice("Still answering — wait, or press Esc to stop it", expiresAt: now.map { $0 + 3 })
            return []
        }
        closeOpenConversation(&state)
        state.focus = .editor
        return []
    }

    /// Empties the transcript: no open conversation, nothing selected, searched or being edited.
    static func closeOpenConversation(_ state: inout AppState) {
        state.conversationID = nil
        state.messages = []
        state.selectedMessageID = nil
        state.shownAnswers = [:]
        state.editingQuestion = nil
        state.find = nil
        state.pendingSearchFocus = nil
        state.scroll.transcriptFromBottom = 0
        state.scroll.thinkingFromBottom = 0
        state.scroll.transcriptLines = nil
        state.scroll.thinkingLines = nil
        state.scroll.jump = nil
        state.transcriptRows = []
        state.activity = "ready"
    }
}
