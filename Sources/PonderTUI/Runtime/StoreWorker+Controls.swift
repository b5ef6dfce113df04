import PonderCore

extension StoreWorker {
    /// Saves a conversation's controls (model, thinking effort, budget, system prompt).
    func setControls(_ controls: ConversationControls, for id: ConversationID) {
        work.async { [self] in
            do {
                try store.setControls(controls, for: id)
            } catch {
                queue.post(.notice("Could not save the conversation's settings: \(Sanitizer.sanitizeLine("\(error)"))"))
            }
        }
    }
}
