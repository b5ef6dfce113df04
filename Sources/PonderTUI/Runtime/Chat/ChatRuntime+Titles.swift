import Foundation
import PonderCore

/// Refining the title of a new conversation once its first answer is complete.
extension ChatRuntime {
    /// When `[ui] refine_titles` is on and the provider is not the local engine, asks the provider
    /// for a short title in a detached task (the loop and the stream never wait for it), saves it
    /// and posts `BrowserEvent.titleRefined`, which renames the conversation on screen. Nothing
    /// happens unless the answer has text; a failed request keeps the title from the first message.
    func refineTitle(of conversation: Conversation, question: String, answerID: MessageID) {
        guard ui.refineTitles, let provider = providerConfig, provider.kind != .local, let store = runner.store,
            let answer = try? store.message(answerID), !answer.answer.allSatisfy(\.isWhitespace)
        else { return }
        let client = runner.client
        let queue = queue
        let keys = keys
        let ui = ui
        refinements.withLock { tasks in
            tasks[conversation.id] = Task.detached { [self] in
                defer { _ = refinements.withLock { $0.removeValue(forKey: conversation.id) } }
                // Off the event loops: a key command may take seconds the first time.
                guard let key = try? await keys.resolveWithoutBlocking(provider) else { return }
                let settings = provider.settings(apiKey: key)
                guard TitleRefiner.isEnabled(settings: ui, provider: settings) else { return }
                let title = await TitleRefiner.refine(
                    conversation.id, replacing: conversation.title, question: question, answer: answer.answer,
                    provider: settings, client: client, store: store)
                if let title { queue.post(.browser(.titleRefined(conversation.id, title: title))) }
            }
        }
    }
}
