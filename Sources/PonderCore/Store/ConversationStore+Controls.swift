import GRDB

extension ConversationStore {
    /// Saves the conversation's own choices (provider, model, effort, budget, system prompt) without
    /// touching its title, dates or messages.
    public func setControls(_ controls: ConversationControls, for id: ConversationID) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE conversations SET provider = ?, model = ?, thinking_effort = ?, max_output_tokens = ?,
                        system_prompt = ?
                    WHERE id = ?
                    """,
                arguments: [
                    controls.provider, controls.model, controls.effort?.rawValue, controls.maxOutputTokens,
                    controls.systemPrompt, id.rawValue,
                ])
            if db.changesCount == 0 { throw Self.unknownConversation(id) }
        }
    }
}
