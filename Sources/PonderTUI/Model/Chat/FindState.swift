import Foundation
import PonderCore

/// `/` search within the focused pane (the answers of the transcript, or the reasoning in the
/// thinking panel): the query being typed or searched, the matches in reading order and the one
/// shown. Matches are worked out from the message texts when the query is confirmed and again
/// on every n / N, so text that streamed in since is found too.
public struct FindState: Hashable, Sendable {
    /// The pane searched: `.transcript` or `.thinking`.
    public var pane: Pane
    public var query: String
    /// True while the query is typed in the status bar.
    public var isEditing: Bool
    public var matches: [TextMatch] = []
    /// Index into `matches` of the match shown.
    public var current: Int?

    /// Matches kept at most; more than this says "10,000+".
    public static let matchLimit = 10_000

    public init(pane: Pane, query: String = "", isEditing: Bool = true) {
        self.pane = pane
        self.query = query
        self.isEditing = isEditing
    }

    /// The match shown, if any.
    public var currentMatch: TextMatch? {
        current.flatMap { matches.indices.contains($0) ? matches[$0] : nil }
    }

    /// "3 of 12", "no matches", for the status bar.
    public var position: String {
        guard !matches.isEmpty else { return "no matches" }
        let total = matches.count >= Self.matchLimit ? "\(Self.matchLimit)+" : "\(matches.count)"
        return "\((current ?? 0) + 1) of \(total)"
    }
}

/// One occurrence of a search query: in which message, which part of it, and where.
public struct TextMatch: Hashable, Sendable, Comparable {
    public var messageIndex: Int
    public var messageID: MessageID
    public var part: MessagePart
    /// UTF-8 offset of the match in the part's text.
    public var utf8Offset: Int

    public init(messageIndex: Int, messageID: MessageID, part: MessagePart, utf8Offset: Int) {
        self.messageIndex = messageIndex
        self.messageID = messageID
        self.part = part
        self.utf8Offset = utf8Offset
    }

    /// Reading order: message, then reasoning before answer (as drawn), then offset.
    public static func < (lhs: TextMatch, rhs: TextMatch) -> Bool {
        (lhs.messageIndex, lhs.part == .reasoning ? 0 : 1, lhs.utf8Offset)
            < (rhs.messageIndex, rhs.part == .reasoning ? 0 : 1, rhs.utf8Offset)
    }

    /// Every case-insensitive occurrence of `query` in `text`, as UTF-8 offsets, at most `limit`.
    public static func offsets(of query: String, in text: String, limit: Int) -> [Int] {
        guard !query.isEmpty, limit > 0 else { return [] }
        var offsets: [Int] = []
        var searchStart = text.startIndex
        var utf8Position = 0
        var lastIndex = text.startIndex
        while offsets.count < limit,
            let range = text.range(
                of: query, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex)
        {
            utf8Position += text.utf8.distance(from: lastIndex, to: range.lowerBound)
            lastIndex = range.lowerBound
            offsets.append(utf8Position)
            searchStart = range.upperBound > range.lowerBound ? range.upperBound : text.index(after: range.lowerBound)
            if searchStart >= text.endIndex { break }
        }
        return offsets
    }
}
