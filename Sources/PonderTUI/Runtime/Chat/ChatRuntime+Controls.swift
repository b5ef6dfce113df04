import PonderCore

/// The controls the screen chose last, with the conversation they belong to (nil: the next new one).
struct ChosenControls: Sendable {
    var conversation: ConversationID?
    var controls: ConversationControls
}

/// Per-conversation controls in the runtime: each turn talks to its conversation's own provider and
/// model (the one the app started with when it has none, or no longer configured), the screen's latest
/// choice is saved with the turn, and the model picker's lists are read off the loop thread.
extension ChatRuntime {
    /// How long the model picker waits for the servers at most.
    static let listingTimeout: Duration = .seconds(5)

    /// The screen chose these controls for a conversation: its next turn uses them (and saves them).
    func choose(_ controls: ConversationControls, for conversation: ConversationID?) {
        chosenControls.withLock { $0 = ChosenControls(conversation: conversation, controls: controls) }
    }

    /// The provider a plan's turn talks to, and the controls to save with it (the screen's choice for
    /// that conversation, if it made one). Reads the store: runs in the turn's task.
    func turnSetup(for plan: TurnPlan, chosen: ChosenControls?) throws -> (
        provider: TurnProvider, controls: ConversationControls?
    ) {
        let conversation: ConversationID?
        switch plan {
        case .ask(_, let id, _): conversation = id
        case .resend(_, let id), .regenerate(let id), .continueAnswer(let id):
            conversation = try runner.store?.message(id)?.conversationID
        }
        let saving = chosen.flatMap { $0.conversation == conversation ? $0.controls : nil }
        let controls = try saving ?? conversation.flatMap { try runner.store?.conversation($0)?.controls }
        return (turnProvider(for: controls), saving)
    }

    /// The conversation's own provider with its model, while it is configured; else the app's.
    func turnProvider(for controls: ConversationControls?) -> TurnProvider {
        guard let fallback = providerConfig else { preconditionFailure("turns start only with a provider") }
        guard let name = controls?.provider, var chosen = providers[name] else {
            return .configured(fallback, keys: keys, engine: engine)
        }
        if let model = controls?.model, !model.isEmpty { chosen.model = model }
        return .configured(chosen, keys: keys, engine: engine)
    }

    /// Lists every provider's models within `listingTimeout` and posts them; a newer request replaces
    /// one in flight.
    func listModels() {
        var config = PonderConfig()
        config.providers = providers
        let catalog = ModelCatalog(config: config, environment: environment, timeout: Self.listingTimeout)
        let task = Task { [queue, keys] in
            let lists = await catalog.listAll(keys: keys)
            guard !Task.isCancelled else { return }
            queue.post(.controls(.modelsListed(lists)))
        }
        listing.withLock {
            $0?.cancel()
            $0 = task
        }
    }
}
