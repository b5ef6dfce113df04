import Foundation
import PonderCore

/// Refining the title of a new conversation once its first answer is complete.
extension ChatRuntime {
    /// When `[ui] refine_titles` is on and the provider is not the local engine, asks the provider
    /// for a short title in a detached task (the loop and the stream never wait for it), saves it
    /// and posts `BrowserEvent.titleRefined`, which renames the conversation on screen. Nothing
    /// happens unless the answer completed; a failed request keeps the title from the first message.
    func refineTitle(
        of conversationID: ConversationID, replacing firstTitle: String, question: String, answerID: MessageID,
        provider: ProviderConfig,
        queue: EventQueue
    ) {
        guard ui.refineTitles, provider.kind != .local,
            let answer = try? store.message(answerID), answer.status == .complete,
            !answer.answer.allSatisfy(\.isWhitespace)
        else { return }
        let settings: ProviderSettings
        do {
            settings = provider.settings(apiKey: try keys.resolve(provider.keySource, provider: provider.name))
        } catch {
            return
        }
        guard TitleRefiner.isEnabled(settings: ui, provider: settings) else { return }
        let store = store
        let client = client
        refinements.withLock { tasks in
            tasks[conversationID] = Task.detached { [self] in
                let title = await TitleRefiner.refine(
                    conversationID, replacing: firstTitle, question: question, answer: answer.answer,
                    provider: settings, client: client,
                    store: store)
                if let title { queue.post(.browser(.titleRefined(conversationID, title: title))) }
                _ = refinements.withLock { $0.removeValue(forKey: conversationID) }
            }
        }
    }
}
