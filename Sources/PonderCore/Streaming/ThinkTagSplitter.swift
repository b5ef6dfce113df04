/// Splits answer text that carries the reasoning inline (`<think>…</think>`) into reasoning and answer,
/// chunk by chunk. Tags may be split across chunks (a partial tag is held back until it is decided);
/// the opening tag is only recognised at the start of the message (after whitespace), so a literal
/// `<think>` later in an answer stays answer text. `forcedOpen` is for templates that pre-fill the
/// opening tag: the text is reasoning from the first byte until `</think>` (an opening tag the
/// model writes anyway at the start is dropped).
public struct ThinkTagSplitter: Sendable {
    public enum Piece: Equatable, Sendable {
        case reasoning(String)
        case answer(String)
    }

    private enum State: Sendable {
        case start
        /// Reasoning already open, unless the text itself starts with the opening tag.
        case openedStart
        case reasoning
        case answer
    }

    public let openTag: String
    public let closeTag: String
    private var state: State
    private var pending = ""
    private var reasoningEmitted = false
    private var closedBlock = false
    private var answerEmitted = false
    /// True after `finish()` when the reasoning block never closed (cut off, or a model that never answers).
    public private(set) var reasoningUnterminated = false

    public init(forcedOpen: Bool = false, openTag: String = "<think>", closeTag: String = "</think>") {
        self.openTag = openTag
        self.closeTag = closeTag
        state = forcedOpen ? .openedStart : .start
    }

    /// Whether the splitter has decided the text carries no inline reasoning (fast path for callers).
    public var isPassingThrough: Bool { state == .answer && pending.isEmpty }

    public mutating func feed(_ text: String) -> [Piece] {
        if state == .answer, answerEmitted, pending.isEmpty {
            return text.isEmpty ? [] : [.answer(text)]
        }
        pending += text
        return drain(final: false)
    }

    /// End of the message: releases anything held back.
    public mutating func finish() -> [Piece] {
        let wasReasoning = state == .reasoning || state == .openedStart
        let out = drain(final: true)
        reasoningUnterminated = wasReasoning
        return out
    }

    private mutating func drain(final: Bool) -> [Piece] {
        var out: [Piece] = []
        while true {
            switch state {
            case .start:
                let trimmed = pending.drop(while: \.isWhitespace)
                if trimmed.hasPrefix(openTag) {
                    pending = String(trimmed.dropFirst(openTag.count))
                    state = .reasoning
                } else if !final, trimmed.isEmpty || openTag.hasPrefix(trimmed) {
                    return out
                } else {
                    state = .answer
                }
            case .openedStart:
                let trimmed = pending.drop(while: \.isWhitespace)
                if trimmed.hasPrefix(openTag) {
                    pending = String(trimmed.dropFirst(openTag.count))
                } else if !final, trimmed.isEmpty || openTag.hasPrefix(trimmed) {
                    return out
                }
                state = .reasoning
            case .reasoning:
                if !reasoningEmitted {
                    // Leading blank lines of a reasoning block are not worth showing (`<think>\n\n</think>`).
                    let trimmed = pending.drop(while: \.isWhitespace)
                    if trimmed.count != pending.count { pending = String(trimmed) }
                }
                if let range = Self.firstRange(of: closeTag, in: pending) {
                    let reasoning = String(pending[..<range.lowerBound])
                    if !reasoning.isEmpty {
                        out.append(.reasoning(reasoning))
                        reasoningEmitted = true
                    }
                    pending = String(pending[range.upperBound...])
                    state = .answer
                    closedBlock = true
                } else {
                    let keep = final ? 0 : Self.heldBackCount(of: closeTag, in: pending)
                    let emit = String(String.UnicodeScalarView(pending.unicodeScalars.dropLast(keep)))
                    if !emit.isEmpty {
                        out.append(.reasoning(emit))
                        reasoningEmitted = true
                    }
                    pending = String(String.UnicodeScalarView(pending.unicodeScalars.suffix(keep)))
                    return out
                }
            case .answer:
                if !answerEmitted, closedBlock {
                    // The answer after a reasoning block starts at its first non-blank character.
                    pending = String(pending.drop(while: \.isWhitespace))
                }
                if !pending.isEmpty {
                    out.append(.answer(pending))
                    answerEmitted = true
                    pending = ""
                }
                return out
            }
        }
    }

    /// The first occurrence of `needle` in `haystack`, compared byte by byte (the tags are ASCII).
    static func firstRange(of needle: String, in haystack: String) -> Range<String.Index>? {
        let target = Array(needle.utf8)
        guard let first = target.first else { return nil }
        let utf8 = haystack.utf8
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            var cursor = found
            var matched = 0
            while matched < target.count, cursor < utf8.endIndex, utf8[cursor] == target[matched] {
                matched += 1
                cursor = utf8.index(after: cursor)
            }
            if matched == target.count { return found..<cursor }
            index = utf8.index(after: found)
        }
        return nil
    }

    /// Length of the longest suffix of `text` that is a proper prefix of `tag` (e.g. `</th` for `</think>`).
    static func heldBackCount(of tag: String, in text: String) -> Int {
        let tagScalars = Array(tag.unicodeScalars)
        let tail = Array(text.unicodeScalars.suffix(tagScalars.count - 1))
        var length = min(tail.count, tagScalars.count - 1)
        while length > 0 {
            if Array(tail.suffix(length)) == Array(tagScalars.prefix(length)) { return length }
            length -= 1
        }
        return 0
    }
}
