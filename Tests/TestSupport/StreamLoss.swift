import Foundation
import PonderCore

/// What a stream killed mid-answer lost: of the tokens the fake server sent before the kill, how many
/// are missing from the stored message, and how long before the kill the first missing one was sent
/// (0 when nothing is missing). The stored text must be exactly the start of what was sent.
public struct StreamLoss: Equatable, Sendable {
    public var tokens: Int
    public var milliseconds: Double
    /// The stored message holds text the server had not sent before the kill (never expected).
    public var storedUnsent: Bool

    /// Compares `stored` with the tokens `sent` before `killedAt`, in the order they were sent.
    public init(stored: Message, sent: [FakeServer.SentToken], killedAt: Date) {
        var reasoning = ""
        var answer = ""
        for (index, token) in sent.enumerated() {
            if token.isReasoning { reasoning += token.text } else { answer += token.text }
            if !(stored.reasoning.hasPrefix(reasoning) && stored.answer.hasPrefix(answer)) {
                tokens = sent.count - index
                milliseconds = killedAt.timeIntervalSince(token.time) * 1000
                storedUnsent = false
                return
            }
        }
        tokens = 0
        milliseconds = 0
        storedUnsent = stored.reasoning != reasoning || !stored.answer.hasPrefix(answer)
    }

    /// `lost tokens min … median … max …; lost ms min … median … max …` over `losses`.
    public static func summary(_ losses: [StreamLoss]) -> String {
        guard !losses.isEmpty else { return "no runs" }
        let tokens = losses.map(\.tokens).sorted()
        let milliseconds = losses.map { Int($0.milliseconds) }.sorted()
        return "lost tokens min \(tokens[0]) median \(tokens[tokens.count / 2]) max \(tokens[tokens.count - 1]); "
            + "lost ms min \(milliseconds[0]) median \(milliseconds[milliseconds.count / 2]) "
            + "max \(milliseconds[milliseconds.count - 1])"
    }
}
