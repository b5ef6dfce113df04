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
        let settings: ProviderSettings
        do {
            settings = provider.settings(apiKey: try keys.resolve(provider.keySource, provider: provider.name))
        } catch {
            return
        }
        guard TitleRefiner.isEnabled(settings: ui, provider: settings) else { return }
        let client = runner.client
        let queue = queue
        refinements.withLock { tasks in
            tasks[conversation.id] = Task.detached { [self] in
                let title = await TitleRefiner.refine(
                    conversation.id, replacing: conversation.title, question: question, answer: answer.answer,
                    provider: settings, client: client, store: store)
                if let title { queue.post(.browser(.titleRefined(conversation.id, title: title))) }
                _ = refinements.withLock { $0.removeValue(forKey: conversation.id) }
            }
        }
    }
}
