import Foundation

/// One answer of a conversation as the effort view lists it: the question it answers, how long
/// the model thought and how many reasoning tokens it spent.
public struct AnswerEffort: Equatable, Sendable, Identifiable {
    /// The answer's message id.
    public var id: MessageID
    /// The question it answers on one line (sanitised, blanks collapsed); empty when unknown.
    public var question: String
    public var thinkingSeconds: Double?
    /// Reported by the provider, else estimated from the reasoning text.
    public var reasoningTokens: Int
    public var reasoningTokensEstimated: Bool
    public var status: MessageStatus

    public init(answer: Message, question: Message?) {
        id = answer.id
        self.question = question.map { Sanitizer.sanitizeLine(TraceOutline.previewText($0.answer).text) } ?? ""
        thinkingSeconds = answer.timings.thinkingSeconds()
        if let reported = answer.usage.reasoningTokens {
            reasoningTokens = reported
            reasoningTokensEstimated = false
        } else {
            reasoningTokens = TokenEstimate.tokens(answer.reasoning)
            reasoningTokensEstimated = !answer.reasoning.isEmpty
        }
        status = answer.status
    }

    /// Every assistant message of a conversation (every branch, in the order given: the store's
    /// oldest first), each with the message it follows as its question.
    public static func answers(in messages: [Message]) -> [AnswerEffort] {
        var byID: [MessageID: Message] = [:]
        for message in messages { byID[message.id] = message }
        return messages.filter { $0.role == .assistant }.map { answer in
            AnswerEffort(answer: answer, question: answer.parentID.flatMap { byID[$0] })
        }
    }
}

/// A conversation's thinking in one figure, for the bar of the browser: its answers, their
/// reasoning tokens and thinking time added up.
public struct ConversationEffort: Equatable, Sendable {
    public var conversationID: ConversationID
    public var answers: Int
    /// Reported counts where the provider gave them, estimates elsewhere.
    public var reasoningTokens: Int
    /// Whether any answer's count is an estimate.
    public var reasoningTokensEstimated: Bool
    public var thinkingSeconds: Double

    public init(
        conversationID: ConversationID, answers: Int, reasoningTokens: Int, reasoningTokensEstimated: Bool,
        thinkingSeconds: Double
    ) {
        self.conversationID = conversationID
        self.answers = answers
        self.reasoningTokens = reasoningTokens
        self.reasoningTokensEstimated = reasoningTokensEstimated
        self.thinkingSeconds = thinkingSeconds
    }
}

/// A horizontal bar in block characters, in eighths of a cell: `████▍`.
public enum EffortBar {
    /// The partial blocks, one to seven eighths.
    static let eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `value` out of `maximum` as a bar of at most `width` cells; any value above zero shows at
    /// least `▏`, zero shows nothing.
    public static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard width > 0, maximum > 0, value > 0 else { return "" }
        let total = max(1, Int((min(value, maximum) / maximum * Double(width * 8)).rounded()))
        let full = String(repeating: "█", count: total / 8)
        return total % 8 == 0 ? full : full + eighths[total % 8 - 1]
    }
}
