import Foundation
import PonderCore

/// Words and numbers about a message's reasoning: the fold header and the panel's live header.
enum ReasoningSummary {
    /// Reasoning tokens: reported by the provider, else counted from the stream while it runs.
    static func tokens(of message: Message, stream: StreamProgress?) -> Int? {
        if let reported = message.usage.reasoningTokens { return reported }
        if let stream, stream.messageID == message.id, stream.reasoningChunks > 0 { return stream.reasoningChunks }
        return nil
    }

    static func seconds(of message: Message, stream: StreamProgress?) -> Double? {
        let now = stream?.messageID == message.id ? stream?.updatedAt : nil
        return message.timings.thinkingSeconds(now: now)
    }

    /// `▸ Thought for 14.2 s · 2,310 tokens` (▾ when unfolded; "Thinking…" while it runs).
    static func foldHeader(_ message: Message, folded: Bool, stream: StreamProgress?) -> String {
        let marker = folded ? "▸" : "▾"
        let live = stream.map { $0.messageID == message.id && $0.phase != .answering && !$0.phase.isTerminal } ?? false
        var parts = [live ? "Thinking…" : "Thought"]
        if let seconds = seconds(of: message, stream: stream) {
            parts[0] += live ? " \(formatSeconds(seconds))" : " for \(formatSeconds(seconds))"
        }
        if let tokens = tokens(of: message, stream: stream) { parts.append("\(formatCount(tokens)) tokens") }
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
        if let seconds { parts.append(formatSeconds(seconds)) }
        if let tokens { parts.append("\(formatCount(tokens)) tokens") }
        if let seconds, let tokens, seconds > 0.5 { parts.append("\(Int((Double(tokens) / seconds).rounded())) tok/s") }
        return parts.joined(separator: " · ")
    }

    /// `12.34` -> `12.3 s`, exactly as `String(format: "%.1f s")` writes it, without Foundation's
    /// formatter (drawn every frame while an answer streams).
    static func formatSeconds(_ seconds: Double) -> String {
        guard seconds.sign == .plus, seconds < 1e12 else { return String(format: "%.1f s", seconds) }
        let scaled = seconds * 10
        var tenths = scaled.rounded(.toNearestOrEven)
        if scaled - scaled.rounded(.down) == 0.5 {
            // The product rounded onto a half: the exact remainder says which way the real value lies.
            let remainder = (-scaled).addingProduct(seconds, 10)
            if remainder > 0 { tenths = scaled.rounded(.up) } else if remainder < 0 { tenths = scaled.rounded(.down) }
        }
        let whole = Int(tenths)
        return "\(whole / 10).\(whole % 10) s"
    }

    /// `1234567` -> `1,234,567`.
    static func formatCount(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
