import PonderCore

/// The one place every effect is carried out, by one exhaustive switch: turns go to the chat
/// runtime (network, in tasks), store work to the store worker (one serial queue off the loop
/// thread), terminal work back to the loop. A new effect does not compile until it is handled here.
public final class EffectRunner: EffectHandler {
    public let chat: ChatRuntime
    public let store: StoreWorker

    public init(chat: ChatRuntime, store: StoreWorker) {
        self.chat = chat
        self.store = store
    }

    public func handle(_ effect: Effect, terminal: any TerminalServices) {
        switch effect {
        case .send(let text, let conversationID, let after):
            chat.start(.ask(text, conversation: conversationID, after: after))
        case .resend(let text, let question):
            chat.start(.resend(text, replacing: question))
        case .regenerate(let answer):
            chat.start(.regenerate(answer))
        case .continueAnswer(let answer):
            chat.start(.continueAnswer(answer))
        case .cancelStream(let answer):
            chat.cancel(answer)
        case .setReasoningFolded(let message, let folded):
            store.setReasoningFolded(message, folded)
        case .openConversation(let id, let focus):
            store.open(id, focus: focus)
        case .browser(let effect):
            store.handle(effect)
        case .controls(.save(let controls, let conversation)):
            chat.choose(controls, for: conversation)
            if let conversation { store.setControls(controls, for: conversation) }
        case .controls(.listModels):
            chat.listModels()
        case .copyToClipboard(let text):
            terminal.copyToClipboard(text)
        case .editExternally(let text):
            terminal.editExternally(text)
        case .rescueUnsaved(let messages):
            store.rescue(messages)
        case .quit:
            // The reducer marked the state as quitting; the loop leaves before its next wait.
            break
        }
    }
}
