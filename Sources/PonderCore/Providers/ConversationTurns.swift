/// The history of a `ChatRequest` reduced to what providers accept: strictly alternating user and
/// assistant turns with answer text only. Reasoning is never included (no Ponder request carries tool
/// calls, so no provider era requires it, and DeepSeek's R1 era rejects it). Assistant messages with no
/// answer (cancelled while thinking, failed) are skipped, and neighbours with the same role are merged,
/// so a dropped partial answer never leaves two user messages in a row.
public struct ConversationTurns: Equatable, Sendable {
    public struct Turn: Equatable, Sendable {
        public var role: MessageRole
        public var text: String
    }

    public var system: String?
    public var turns: [Turn]

    public init(_ request: ChatRequest) {
        var systemParts: [String] = []
        if let prompt = request.systemPrompt, !prompt.isEmpty { systemParts.append(prompt) }
        var turns: [Turn] = []
        let continuationID = request.continuation?.id
        for message in request.history where message.id != continuationID {
            switch message.role {
            case .system:
                if !message.answer.isEmpty { systemParts.append(message.answer) }
            case .user, .assistant:
                if message.answer.isEmpty { continue }
                if let last = turns.last, last.role == message.role {
                    turns[turns.count - 1].text = last.text + "\n\n" + message.answer
                } else {
                    turns.append(Turn(role: message.role, text: message.answer))
                }
            }
        }
        // A conversation must open with the user.
        while let first = turns.first, first.role == .assistant { turns.removeFirst() }
        self.system = systemParts.isEmpty ? nil : systemParts.joined(separator: "\n\n")
        self.turns = turns
    }

    /// Turns as OpenAI-style `{"role", "content"}` messages, the system prompt first.
    public var openAIMessages: [JSONValue] {
        var out: [JSONValue] = []
        if let system { out.append(["role": "system", "content": .string(system)]) }
        for turn in turns { out.append(["role": .string(turn.role.rawValue), "content": .string(turn.text)]) }
        return out
    }
}
