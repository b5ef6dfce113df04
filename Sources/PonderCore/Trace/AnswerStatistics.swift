import Foundation

/// The figures of one answer: how long the model thought, how many tokens it spent thinking and
/// answering, how fast, and how its trace divides into steps and reflection points. A pure value
/// for the fold header (`summary`), a detail view (`lines`) and `ponder show`.
///
/// Token counts are the provider's when it reported them; while an answer streams (or when a
/// provider reports nothing) the reasoning count is the number of streamed reasoning chunks when
/// given, else an estimate from the text (`TokenEstimate`), and `…Estimated` says so.
public struct AnswerStatistics: Equatable, Sendable {
    public var thinkingSeconds: Double?
    public var reasoningTokens: Int?
    public var reasoningTokensEstimated: Bool
    public var answerTokens: Int?
    public var answerTokensEstimated: Bool
    /// Generated tokens (reasoning and answer) per second, from the first generated text to the end.
    public var tokensPerSecond: Double?
    public var steps: Int
    public var reflectionPoints: Int
    /// Reflection points by kind (kinds without points are absent).
    public var pointsByKind: [ReflectionKind: Int]

    /// The figures of `message` (an assistant message) and the outline of its reasoning.
    /// `streamedReasoningChunks` is the chunk count of a stream still running; `now` the time
    /// that ends the clocks of an unfinished answer.
    public init(message: Message, outline: TraceOutline?, streamedReasoningChunks: Int? = nil, now: Date? = nil) {
        let usage = message.usage
        if let reported = usage.reasoningTokens {
            reasoningTokens = reported
            reasoningTokensEstimated = false
        } else if let chunks = streamedReasoningChunks, chunks > 0 {
            reasoningTokens = chunks
            reasoningTokensEstimated = true
        } else if !message.reasoning.isEmpty {
            reasoningTokens = outline?.estimatedTokens ?? TokenEstimate.tokens(message.reasoning)
            reasoningTokensEstimated = true
        } else {
            reasoningTokens = usage.completionTokens == nil ? nil : 0
            reasoningTokensEstimated = false
        }
        if let reported = usage.answerTokens {
            answerTokens = max(0, reported)
            answerTokensEstimated = false
        } else {
            answerTokens = message.answer.isEmpty ? nil : TokenEstimate.tokens(message.answer)
            answerTokensEstimated = answerTokens != nil
        }
        thinkingSeconds = message.timings.thinkingSeconds(now: now)
        let timings = message.timings
        let generated = (reasoningTokens ?? 0) + (answerTokens ?? 0)
        if let start = timings.firstReasoning ?? timings.firstAnswer, let end = timings.finished ?? now,
            end.timeIntervalSince(start) >= 0.1, generated > 0
        {
            tokensPerSecond = Double(generated) / end.timeIntervalSince(start)
        } else {
            tokensPerSecond = nil
        }
        steps = outline?.stepCount ?? 0
        reflectionPoints = outline?.pointCount ?? 0
        var byKind: [ReflectionKind: Int] = [:]
        if let outline {
            for kind in ReflectionKind.allCases where outline.pointCount(of: kind) > 0 {
                byKind[kind] = outline.pointCount(of: kind)
            }
        }
        pointsByKind = byKind
    }

    /// One line for a fold header: `thought 42.0 s · 3,120 tokens · 74 tok/s · 52 steps · 9 reflection points`.
    /// Estimated counts carry a `~`.
    public var summary: String {
        var parts: [String] = []
        if let thinkingSeconds { parts.append("thought \(Self.seconds(thinkingSeconds))") }
        if let reasoningTokens, reasoningTokens > 0 {
            parts.append("\(reasoningTokensEstimated ? "~" : "")\(Self.count(reasoningTokens)) tokens")
        }
        if let tokensPerSecond { parts.append("\(Int(tokensPerSecond.rounded())) tok/s") }
        if steps > 0 { parts.append(Self.plural(steps, "step")) }
        if steps > 0 { parts.append(Self.plural(reflectionPoints, "reflection point")) }
        return parts.joined(separator: " · ")
    }

    /// Every figure as a label and a value, for a detail view.
    public var lines: [(label: String, value: String)] {
        var lines: [(String, String)] = []
        lines.append(("thinking time", thinkingSeconds.map(Self.seconds) ?? "–"))
        lines.append(("reasoning tokens", tokenText(reasoningTokens, estimated: reasoningTokensEstimated)))
        lines.append(("answer tokens", tokenText(answerTokens, estimated: answerTokensEstimated)))
        lines.append(("speed", tokensPerSecond.map { "\(Int($0.rounded())) tokens/s" } ?? "–"))
        lines.append(("steps", Self.count(steps)))
        lines.append(("reflection points", Self.count(reflectionPoints)))
        for kind in ReflectionKind.allCases {
            lines.append(("  \(kind.glyph) \(kind.rawValue)", Self.count(pointsByKind[kind] ?? 0)))
        }
        return lines
    }

    private func tokenText(_ value: Int?, estimated: Bool) -> String {
        guard let value else { return "–" }
        return Self.count(value) + (estimated ? " (estimated)" : "")
    }

    /// `4.2 s`, `42.0 s`, `3 min 05 s`, `1 h 02 min`.
    /// Written without Foundation's formatter, which cost 3% of a stream's CPU in the thinking
    /// headers drawn every frame; below a minute it reads exactly as `%.1f s` writes it.
    public static func seconds(_ value: Double) -> String {
        guard value.isFinite, value.sign == .plus else { return String(format: "%.1f s", value) }
        if value < 60 { return tenths(value) + " s" }
        guard value < 1e12 else { return String(format: "%.0f s", value) }
        let whole = Int(value.rounded())
        if whole < 3_600 { return "\(whole / 60) min \(twoDigits(whole % 60)) s" }
        return "\(whole / 3_600) h \(twoDigits(whole % 3_600 / 60)) min"
    }

    /// `12.34` → `12.3`, rounded as `%.1f` rounds (to the nearest tenth of the exact binary value).
    private static func tenths(_ value: Double) -> String {
        let scaled = value * 10
        var tenths = scaled.rounded(.toNearestOrEven)
        if scaled - scaled.rounded(.down) == 0.5 {
            // The product rounded onto a half: the exact remainder says which way the real value lies.
            let remainder = (-scaled).addingProduct(value, 10)
            if remainder > 0 { tenths = scaled.rounded(.up) } else if remainder < 0 { tenths = scaled.rounded(.down) }
        }
        let whole = Int(tenths)
        return "\(whole / 10).\(whole % 10)"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `1234567` → `1,234,567`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    static func plural(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }
}
