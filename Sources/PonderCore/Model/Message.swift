import Foundation

/// One message of a conversation. Assistant messages keep their reasoning apart from the answer.
public struct Message: Equatable, Hashable, Sendable, Codable, Identifiable {
    public var id: MessageID
    public var conversationID: ConversationID
    /// The message this one answers or follows; siblings share a parent (regenerate / edit branches).
    public var parentID: MessageID?
    public var role: MessageRole
    /// The chain of thought (assistant only; empty otherwise).
    public var reasoning: String
    /// The answer text for assistant messages, the prompt for user and system messages.
    public var answer: String
    public var status: MessageStatus
    public var errorText: String?
    public var provider: String?
    public var model: String?
    public var usage: TokenUsage
    public var timings: ResponseTimings
    /// Whether the reasoning is folded in the transcript; nil means "use the default setting".
    public var reasoningFolded: Bool?
    public var createdAt: Date
    /// Why the provider ended the answer, when it said (`length` with no answer: the budget ran out
    /// while thinking; see `ResponseEnding`).
    public var finishReason: FinishReason?
    /// The provider's own record of the reasoning, kept to send it back unaltered (Anthropic signed
    /// thinking blocks, OpenRouter reasoning details); nil for other providers.
    public var providerReasoning: ProviderReasoning?

    public init(
        id: MessageID = .make(),
        conversationID: ConversationID,
        parentID: MessageID? = nil,
        role: MessageRole,
        reasoning: String = "",
        answer: String = "",
        status: MessageStatus = .complete,
        errorText: String? = nil,
        provider: String? = nil,
        model: String? = nil,
        usage: TokenUsage = TokenUsage(),
        timings: ResponseTimings = ResponseTimings(),
        reasoningFolded: Bool? = nil,
        createdAt: Date = Date(),
        finishReason: FinishReason? = nil,
        providerReasoning: ProviderReasoning? = nil
    ) {
        self.id = id
        self.conversationID = conversationID
        self.parentID = parentID
        self.role = role
        self.reasoning = reasoning
        self.answer = answer
        self.status = status
        self.errorText = errorText
        self.provider = provider
        self.model = model
        self.usage = usage
        self.timings = timings
        self.reasoningFolded = reasoningFolded
        self.createdAt = createdAt
        self.finishReason = finishReason
        self.providerReasoning = providerReasoning
    }
}
