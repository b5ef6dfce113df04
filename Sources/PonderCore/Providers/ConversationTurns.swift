/// The history of a `ChatRequest` reduced to what providers accept: strictly alternating user and
/// assistant turns with answer text. The readable reasoning is never included (no Ponder request carries
/// tool calls, so no provider era requires it, and DeepSeek's R1 era rejects it); a turn carries the
/// provider's own record of it (`replay`) only where that may go back unaltered.
///
/// Only exchanges that got an answer are sent: a question whose answer has no text (it failed, or was
/// stopped while the model was still thinking) is left out together with that empty answer, so a
/// failed question is never glued to the next one. The last question (the one to answer) is always
/// sent. A partial answer that was stopped or cut off counts as an answer: the user saw it.
public struct ConversationTurns: Equatable, Sendable {
    public struct Turn: Equatable, Sendable {
        public var role: MessageRole
        public var text: String
        /// The provider's record of this answer's reasoning, when it may be sent back: the answer is
        /// complete, came from the provider and model of this request, in that provider's format, and
        /// is this turn alone (merged turns carry none). Builders decide whether they send it.
        public var replay: ProviderReasoning?
    }

    public var system: String?
    public var turns: [Turn]

    public init(_ request: ChatRequest) {
        var systemParts: [String] = []
        if let prompt = request.systemPrompt, !prompt.isEmpty { systemParts.append(prompt) }
        let continuationID = request.continuation?.id
        var spoken: [Message] = []
        for message in request.history where message.id != continuationID {
            switch message.role {
            case .system:
                if !message.answer.isEmpty { systemParts.append(message.answer) }
            case .user, .assistant:
                spoken.append(message)
            }
        }
        var turns: [Turn] = []
        for (index, message) in spoken.enumerated() where Self.isSent(message, before: spoken[(index + 1)...]) {
            if let last = turns.last, last.role == message.role {
                // Only data from outside Ponder (an import) puts two answered turns of one role in a row.
                turns[turns.count - 1].text = last.text + "\n\n" + message.answer
                turns[turns.count - 1].replay = nil
            } else {
                turns.append(
                    Turn(role: message.role, text: message.answer, replay: Self.replay(of: message, for: request)))
            }
        }
        // A conversation must open with the user.
        while let first = turns.first, first.role == .assistant { turns.removeFirst() }
        self.system = systemParts.isEmpty ? nil : systemParts.joined(separator: "\n\n")
        self.turns = turns
    }

    /// Whether a message goes into the request: an answer with text; a question when it is the last
    /// one or the message after it is an answer with text.
    private static func isSent(_ message: Message, before later: ArraySlice<Message>) -> Bool {
        guard !message.answer.isEmpty else { return false }
        switch message.role {
        case .assistant, .system:
            return true
        case .user:
            guard let next = later.first else { return true }
            return next.role == .assistant && !next.answer.isEmpty
        }
    }

    /// The stored provider reasoning of `message` if it may go back with `request`.
    static func replay(of message: Message, for request: ChatRequest) -> ProviderReasoning? {
        let settings = request.settings
        guard message.role == .assistant, message.status == .complete, let reasoning = message.providerReasoning,
            reasoning.isCompleteForReplay, message.provider == settings.name, message.model == settings.model
        else { return nil }
        switch (reasoning.format, settings.kind) {
        case (.anthropic, .anthropic), (.openRouter, .openrouter): return reasoning
        default: return nil
        }
    }

    /// Turns as OpenAI-style `{"role", "content"}` messages, the system prompt first.
    public var openAIMessages: [JSONValue] {
        var out: [JSONValue] = []
        if let system { out.append(["role": "system", "content": .string(system)]) }
        for turn in turns { out.append(["role": .string(turn.role.rawValue), "content": .string(turn.text)]) }
        return out
    }
}
