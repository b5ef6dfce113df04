import Foundation

/// One message as a source file has it, before it is stored: the source's own id and parent id
/// (ids are only unique within their conversation), the reasoning already split from the answer.
public struct ImportedMessage: Equatable, Sendable {
    public var sourceID: String
    public var parentSourceID: String?
    public var role: MessageRole
    public var reasoning: String
    public var answer: String
    public var status: MessageStatus
    public var errorText: String?
    public var provider: String?
    public var model: String?
    public var usage: TokenUsage
    public var timings: ResponseTimings
    public var reasoningFolded: Bool?
    /// Why the provider ended the answer, and its own record of the reasoning (Ponder exports only).
    public var finishReason: FinishReason?
    public var providerReasoning: ProviderReasoning?
    public var createdAt: Date

    public init(
        sourceID: String,
        parentSourceID: String? = nil,
        role: MessageRole,
        reasoning: String = "",
        answer: String,
        status: MessageStatus = .complete,
        errorText: String? = nil,
        provider: String? = nil,
        model: String? = nil,
        usage: TokenUsage = TokenUsage(),
        timings: ResponseTimings = ResponseTimings(),
        reasoningFolded: Bool? = nil,
        finishReason: FinishReason? = nil,
        providerReasoning: ProviderReasoning? = nil,
        createdAt: Date
    ) {
        self.sourceID = sourceID
        self.parentSourceID = parentSourceID
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
        self.finishReason = finishReason
        self.providerReasoning = providerReasoning
        self.createdAt = createdAt
    }

    /// Timings for a response that thought for `seconds`, starting at `start`.
    static func thinkingTimings(start: Date, seconds: Double?) -> ResponseTimings {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return ResponseTimings() }
        return ResponseTimings(sent: start, firstReasoning: start, firstAnswer: start.addingTimeInterval(seconds))
    }
}
