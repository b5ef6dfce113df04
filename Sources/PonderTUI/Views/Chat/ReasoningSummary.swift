import Foundation
import PonderCore

/// Words and numbers about a message's reasoning: the fold header and the panel's live header.
enum ReasoningSummary {
    /// Reasoning tokens: stored with the answer (reported, or counted when the provider reported
    /// none), else counted from the stream while it runs. A reported 0 beside reasoning text is a
    /// provider that does not count inline reasoning, not a count.
    static func tokens(of message: Message, stream: StreamProgress?) -> Int? {
        if let stored = message.usage.reasoningTokens, stored > 0 || message.reasoning.isEmpty { return stored }
        if let stream, stream.messageID == message.id, stream.reasoningChunks > 0 { return stream.reasoningChunks }
        return nil
    }

    /// ` (counted)` after figures Ponder counted itself, once the answer has ended.
    static func countedMark(_ message: Message, stream: StreamProgress?) -> String {
        message.usage.counted && stream?.messageID != message.id ? " (counted)" : ""
    }

    static func seconds(of message: Message, stream: StreamProgress?) -> Double? {
        let now = stream?.messageID == message.id ? stream?.updatedAt : nil
        return message.timings.thinkingSeconds(now: now)
    }

    /// `▸ Thought for 14.2 s · 2,310 tokens · 12 steps · 3 reflections` (▾ when unfolded;
    /// "Thinking…" while it runs); the steps (when more than one) and reflection points (when
    /// any) come from `outline`.
    static func foldHeader(
        _ message: Message, folded: Bool, stream: StreamProgress?, outline: TraceOutline? = nil
    ) -> String {
        let marker = folded ? "▸" : "▾"
        let live = stream.map { $0.messageID == message.id && $0.phase != .answering && !$0.phase.isTerminal } ?? false
        var parts = [live ? "Thinking…" : "Thought"]
        if let seconds = seconds(of: message, stream: stream) {
            parts[0] += live ? " \(AnswerStatistics.seconds(seconds))" : " for \(AnswerStatistics.seconds(seconds))"
        }
        if let tokens = tokens(of: message, stream: stream) {
            parts.append("\(AnswerStatistics.count(tokens)) tokens" + countedMark(message, stream: stream))
        }
        if let outline, outline.stepCount > 1 { parts.append(counted(outline.stepCount, "step")) }
        if let outline, outline.pointCount > 0 { parts.append(counted(outline.pointCount, "reflection")) }
        return marker + " " + parts.joined(separator: " · ")
    }

    /// The thinking panel's title: `Thinking · 12.3 s · 1,234 tokens · 48 tok/s`.
    static func panelHeader(_ message: Message?, stream: StreamProgress?) -> String {
        guard let message else { return "Thinking" }
        let live = stream?.messageID == message.id
        if live, let phase = stream?.phase {
            switch phase {
            case .connecting: return "Thinking · connecting…"
            case .queued: return "Queued · waiting for the model (keep-alives only)"
            case .retrying(let attempt, _): return "Thinking · retrying (\(attempt))…"
            case .thinking, .answering, .finished, .failed, .cancelled: break
            }
        }
        let thinking = live && stream?.phase == .thinking
        var parts = [thinking ? "Thinking" : "Thought"]
        let seconds = seconds(of: message, stream: stream)
        let tokens = tokens(of: message, stream: stream)
        if let seconds { parts.append(AnswerStatistics.seconds(seconds)) }
        if let tokens {
            parts.append("\(AnswerStatistics.count(tokens)) tokens" + countedMark(message, stream: stream))
        }
        if live, let silence = stream?.silenceText {
            parts.append(silence)
        } else if let seconds, let tokens, seconds > 0.5 {
            parts.append("\(Int((Double(tokens) / seconds).rounded())) tok/s")
        }
        return parts.joined(separator: " · ")
    }

    /// `1 step`, `12 steps`.
    static func counted(_ value: Int, _ noun: String) -> String {
        "\(AnswerStatistics.count(value)) \(noun)\(value == 1 ? "" : "s")"
    }
}
