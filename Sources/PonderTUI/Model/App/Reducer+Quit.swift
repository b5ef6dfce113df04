import PonderCore

/// Quitting without losing anything: a quit request (Ctrl-Q, or Ctrl-C pressed twice) during a stream
/// asks for one more press of the same key; answers that could not be saved are saved again, or
/// written to a file, before the app leaves.
extension Reducer {
    /// `key` names the key that asked, for the notice that asks for one more press.
    static func requestQuit(now: Double, key: String, state: inout AppState) -> [Effect] {
        switch state.quitGuard.confirmation {
        case .streaming(let until) where now < until:
            return leave(&state)
        case .rescued:
            return leave(&state)
        case .rescuing:
            state.notice = Notice("Still saving the unsaved answer…")
            return []
        case .streaming, nil:
            break
        }
        if state.stream != nil {
            let until = now + QuitGuard.streamingWindow
            state.quitGuard.confirmation = .streaming(until: until)
            state.notice = Notice(
                "An answer is still arriving — \(key) again stops it and quits (what arrived is kept)", expiresAt: until
            )
            return []
        }
        let unsaved = state.messages.filter { state.quitGuard.unsaved[$0.id] != nil }
        guard !unsaved.isEmpty else { return leave(&state) }
        state.quitGuard.confirmation = .rescuing
        let characters = unsaved.compactMap { state.quitGuard.unsaved[$0.id]?.characters }.reduce(0, +)
        state.notice = Notice("Saving \(characters) characters that could not be saved before…")
        let messages = unsaved.map { message -> Message in
            var message = message
            if let record = state.quitGuard.unsaved[message.id] {
                message.status = record.status
                message.errorText = record.errorText
            }
            return message
        }
        return [.rescueUnsaved(messages)]
    }

    private static func leave(_ state: inout AppState) -> [Effect] {
        state.isQuitting = true
        return [.quit]
    }

    /// A turn ended; when its text could not all be saved, it is remembered for quitting.
    static func noteUnsaved(_ end: TurnEnd, state: inout AppState) {
        guard let failure = end.saveFailure else { return }
        state.quitGuard.unsaved[end.answerID] = QuitGuard.Unsaved(
            characters: end.unsavedCharacters, status: MessageStatus(endingIn: end.phase), errorText: end.errorText)
        state.notice = Notice(
            "\(end.unsavedCharacters) characters of this answer could not be saved (\(shortCause(failure))); they stay "
                + "on screen, and Ctrl-Q saves them again or writes them to a file")
    }

    static func rescueEnded(_ rescue: UnsavedRescue, state: inout AppState) {
        state.quitGuard.confirmation = .rescued
        switch rescue {
        case .saved(let ids):
            for id in ids { state.quitGuard.unsaved[id] = nil }
            state.notice = Notice("The answer is saved now — Ctrl-Q quits")
        case .written(let ids, let path, let reason):
            for id in ids { state.quitGuard.unsaved[id] = nil }
            state.notice = Notice(
                "The text is in \(Sanitizer.sanitizeLine(path)) — Ctrl-Q quits · could not save: \(Sanitizer.sanitizeLine(reason))"
            )
        case .failed(let reason):
            state.notice = Notice(
                "Could not save or write the text (\(Sanitizer.sanitizeLine(reason))) — Ctrl-Q quits without it")
        }
    }

    /// The cause of a failed write in a few words.
    static func shortCause(_ error: StoreError) -> String {
        error.kind == .diskFull ? "the disk is full" : Sanitizer.sanitizeLine(error.message)
    }

    static func expireQuitConfirmation(_ state: inout AppState, now: Double) {
        if let until = state.quitGuard.deadline, now >= until { state.quitGuard.confirmation = nil }
    }
}
