import PonderCore

/// Tokens and cost added up over several answers: the open conversation's (every version of every
/// answer, as each was paid for) or those of this run of the app.
public struct UsageTotals: Equatable, Sendable {
    public var tokens = 0
    /// Cost in the provider's currency; nil while no answer could be priced.
    public var cost: Double?
    public var answers = 0

    public init() {}

    /// Adds one answer's usage (priced when the provider has prices).
    public mutating func add(_ usage: TokenUsage, prices: TokenPrices?) {
        guard let tokens = usage.totalTokens else { return }
        self.tokens += tokens
        answers += 1
        if let cost = prices?.cost(of: usage) { self.cost = (self.cost ?? 0) + cost }
    }

    /// The totals of the assistant messages of a conversation.
    public static func of(_ messages: [Message], prices: TokenPrices?) -> UsageTotals {
        var totals = UsageTotals()
        for message in messages where message.role == .assistant { totals.add(message.usage, prices: prices) }
        return totals
    }

    /// `3,120 tok ¥0.0123`.
    func text(currency: String?) -> String {
        var text = AnswerStatistics.count(tokens) + " tok"
        if let cost, let currency { text += " " + currency + String(format: "%.4f", cost) }
        return text
    }
}
