import Foundation

/// Preparing a turn: the conversation and the branch it continues, the question and the answer row,
/// saved together in one transaction before the request goes out — so a killed process always leaves
/// an interrupted answer behind, and the request waits for one commit.
extension TurnRunner {
    /// Reads what the plan needs and saves the turn (unless this runner saves nothing). The answer of
    /// a new question or a regeneration gets `answerID`, so the caller can stop it before it starts.
    /// `controls`, when given, become the conversation's own from this turn on (saved with it).
    public func prepare(
        _ plan: TurnPlan, provider: TurnProvider, controls: ConversationControls? = nil,
        answerID: MessageID = .make(), now: Date = Date()
    ) throws -> PreparedTurn {
        var turn: PreparedTurn
        switch plan {
        case .ask(let text, let conversationID, let after):
            let existing = try conversationID.flatMap { try store?.conversation($0) }
            let messages = try existing.map { try allMessages(in: $0.id) } ?? []
            let branch = messages.branch(endingAt: after ?? messages.last?.id)
            turn = asking(text, in: existing, after: branch, provider: provider, answerID: answerID, now: now)
        case .resend(let text, let questionID):
            let (old, conversation, messages) = try find(questionID)
            turn = asking(
                text, in: conversation, after: messages.branch(endingAt: old.parentID), provider: provider,
                answerID: answerID, now: now)
        case .regenerate(let earlierAnswer):
            let (old, conversation, messages) = try find(earlierAnswer)
            let history = messages.branch(endingAt: old.parentID)
            guard let question = history.last else { throw TurnError.missing }
            let answer = Message(
                id: answerID, conversationID: conversation.id, parentID: question.id, role: .assistant,
                status: .streaming, provider: provider.name, model: provider.model,
                reasoningFolded: old.reasoningFolded, createdAt: now)
            turn = PreparedTurn(
                conversation: conversation, isNewConversation: false, question: nil, answer: answer,
                history: history, isSaved: false)
        case .continueAnswer(let id):
            let (old, conversation, messages) = try find(id)
            let reasoningOnly = old.answer.isEmpty && !old.reasoning.isEmpty
            if (reasoningOnly && !Self.continuesReasoning(provider.kind)) || !hasPrefixCompletion(provider) {
                // Only the reasoning arrived and this provider cannot resume a chain of thought, or
                // the server has no prefix completion: a new answer beside it, the partial kept
                // whole (never a second trace glued on).
                return try prepare(
                    .regenerate(id), provider: provider, controls: controls, answerID: answerID, now: now)
            }
            let history = messages.branch(endingAt: old.parentID)
            guard !history.isEmpty else { throw TurnError.missing }
            var answer = old
            answer.status = .streaming
            answer.errorText = nil
            turn = PreparedTurn(
                conversation: conversation, isNewConversation: false, question: nil, answer: answer,
                history: history, continuation: old, isSaved: false)
        }
        turn.conversation.updatedAt = now
        var controlsChanged = false
        if let controls, controls != turn.conversation.controls {
            turn.conversation.controls = controls
            controlsChanged = true
        }
        if savesTurns, let store {
            try store.saveTurn(
                conversation: turn.isNewConversation || controlsChanged ? turn.conversation : nil,
                messages: [turn.question, turn.answer].compactMap { $0 }, now: now)
            turn.isSaved = true
        }
        return turn
    }

    /// A new question after `branch` (a new conversation when `conversation` is nil).
    private func asking(
        _ text: String, in conversation: Conversation?, after branch: [Message], provider: TurnProvider,
        answerID: MessageID, now: Date
    ) -> PreparedTurn {
        let isNew = conversation == nil
        let conversation =
            conversation
            ?? Conversation(
                title: Conversation.title(fromQuestion: text), createdAt: now, provider: provider.name,
                model: provider.model)
        let question = Message(
            conversationID: conversation.id, parentID: branch.last?.id, role: .user, answer: text, createdAt: now)
        let answer = Message(
            id: answerID, conversationID: conversation.id, parentID: question.id, role: .assistant,
            status: .streaming, provider: provider.name, model: provider.model, createdAt: now)
        return PreparedTurn(
            conversation: conversation, isNewConversation: isNew,
            question: question, answer: answer, history: branch + [question], isSaved: false)
    }

    /// A stored message with its conversation and all the conversation's messages.
    private func find(_ id: MessageID) throws -> (Message, Conversation, [Message]) {
        guard let store, let message = try store.message(id),
            let conversation = try store.conversation(message.conversationID)
        else { throw TurnError.missing }
        return (message, conversation, try allMessages(in: conversation.id))
    }

    private func allMessages(in id: ConversationID) throws -> [Message] {
        try store?.messages(in: id) ?? []
    }

    /// Whether a continuation can carry the partial reasoning so the model resumes it: DeepSeek's
    /// prefix completion takes it as `reasoning_content`. Other providers prefill the answer only.
    static func continuesReasoning(_ kind: ProviderKind) -> Bool {
        switch kind {
        case .deepseek: return true
        case .openai, .openrouter, .vllm, .llamacpp, .ollama, .anthropic, .local: return false
        }
    }
}

/// Why a turn could not start.
public enum TurnError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message to answer again, continue or edit is no longer in the history (deleted meanwhile).
    case missing

    public var description: String {
        switch self {
        case .missing: return "that message is no longer in the history"
        }
    }
}
