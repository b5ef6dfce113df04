import Foundation

/// Wall-clock moments in the life of one response. Unset until they happen.
public struct ResponseTimings: Equatable, Hashable, Sendable, Codable {
    public var sent: Date?
    public var firstByte: Date?
    public var firstReasoning: Date?
    public var firstAnswer: Date?
    public var finished: Date?

    public init(
        sent: Date? = nil,
        firstByte: Date? = nil,
        firstReasoning: Date? = nil,
        firstAnswer: Date? = nil,
        finished: Date? = nil
    ) {
        self.sent = sent
        self.firstByte = firstByte
        self.firstReasoning = firstReasoning
        self.firstAnswer = firstAnswer
        self.finished = finished
    }

    /// Seconds spent thinking: from the first reasoning token to the first answer token
    /// (or to the end, or to `now` while still thinking). Nil when no reasoning arrived.
    public func thinkingSeconds(now: Date? = nil) -> Double? {
        guard let start = firstReasoning else { return nil }
        guard let end = firstAnswer ?? finished ?? now else { return nil }
        return max(0, end.timeIntervalSince(start))
    }
}
