/// How an answer ended, as far as the reader is concerned. The one to watch for is a model that used
/// its whole output budget while still thinking: the provider reports a normal `length` finish, but
/// no answer came, and an empty answer would look like a bug.
public enum ResponseEnding: Equatable, Sendable {
    /// The model finished (or the ending says nothing special).
    case answered
    /// `finish_reason` was `length` and no answer text arrived: the budget ran out while thinking.
    case budgetUsedWhileThinking
    /// `finish_reason` was `length` after some answer text: the answer is cut short.
    case answerCutShort

    /// `hasAnswer`: answer text other than white space arrived.
    public init(finishReason: FinishReason?, hasAnswer: Bool) {
        guard finishReason == .length else {
            self = .answered
            return
        }
        self = hasAnswer ? .answerCutShort : .budgetUsedWhileThinking
    }

    /// The ending of a stored answer.
    public init(_ message: Message) {
        self.init(finishReason: message.finishReason, hasAnswer: message.answer.contains { !$0.isWhitespace })
    }

    /// A name for machine-readable output (`ponder ask --json`).
    public var name: String {
        switch self {
        case .answered: return "answered"
        case .budgetUsedWhileThinking: return "budget_used_while_thinking"
        case .answerCutShort: return "answer_cut_short"
        }
    }

    /// Plain words for the reader; nil for a normal answer. `budget` is the output limit that was sent,
    /// when there was one.
    public func explanation(budget: Int?) -> String? {
        let limit = budget.map { "its whole budget of \(Self.grouped($0)) output tokens" } ?? "its whole output budget"
        switch self {
        case .answered:
            return nil
        case .budgetUsedWhileThinking:
            return "The model used \(limit) while still thinking, so no answer came. "
                + "Continue it, or ask again with a larger budget."
        case .answerCutShort:
            return "The answer was cut short: the model used \(limit). Continue it, or ask again with a larger budget."
        }
    }

    /// `16384` as `16,384`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
