import Foundation

/// Renders a conversation as Markdown for sharing: details and usage in the header, one section
/// per message, reasoning folded in a `<details>` block that Markdown viewers show collapsed.
enum MarkdownExport {
    static func render(conversation: Conversation, messages: [Message]) -> String {
        var lines: [String] = []
        lines.append("# \(conversation.title.isEmpty ? "Untitled conversation" : oneLine(conversation.title))")
        lines.append("")
        lines.append("- Created: \(timestamp(conversation.createdAt))")
        lines.append("- Updated: \(timestamp(conversation.updatedAt))")
        if let provider = conversation.provider { lines.append("- Provider: \(provider)") }
        if let model = conversation.model { lines.append("- Model: \(model)") }
        lines.append("- Messages: \(messages.count)")
        let total = totalUsage(messages)
        if let usage = usageLine(total) { lines.append("- Tokens: \(usage)") }
        lines.append("- Conversation id: `\(conversation.id)`")
        if let systemPrompt = conversation.systemPrompt, !systemPrompt.isEmpty {
            lines.append("")
            lines.append("## System prompt")
            lines.append("")
            lines.append(
                contentsOf: systemPrompt.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 })
        }
        for message in messages {
            lines.append("")
            lines.append(contentsOf: section(message))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ message: Message) -> [String] {
        var lines: [String] = []
        var heading = "## \(message.role.rawValue.capitalized)"
        if message.role == .assistant, let model = message.model { heading += " · \(model)" }
        lines.append(heading)
        lines.append("")
        var details = ["\(timestamp(message.timings.sent ?? message.createdAt))"]
        if message.status != .complete { details.append("status: \(message.status.rawValue)") }
        if let thinking = message.timings.thinkingSeconds() { details.append("thought for \(seconds(thinking))") }
        if let sent = message.timings.sent {
            if let first = message.timings.firstReasoning ?? message.timings.firstAnswer {
                details.append("first token after \(seconds(first.timeIntervalSince(sent)))")
            }
            if let finished = message.timings.finished {
                details.append("finished after \(seconds(finished.timeIntervalSince(sent)))")
            }
        }
        if let usage = usageLine(message.usage) { details.append("tokens: \(usage)") }
        lines.append("_\(details.joined(separator: " · "))_")
        if let errorText = message.errorText, !errorText.isEmpty {
            lines.append("")
            lines.append("> **\(message.status.rawValue.capitalized):** \(oneLine(SecretRedactor.redact(errorText)))")
        }
        if !message.reasoning.isEmpty {
            let summary = message.timings.thinkingSeconds().map { "Thinking (\(seconds($0)))" } ?? "Thinking"
            lines.append("")
            lines.append("<details>")
            lines.append("<summary>\(summary)</summary>")
            lines.append("")
            lines.append(message.reasoning.replacingOccurrences(of: "</details>", with: "&lt;/details&gt;"))
            lines.append("")
            lines.append("</details>")
        }
        if !message.answer.isEmpty {
            lines.append("")
            lines.append(message.answer)
        }
        return lines
    }

    private static func totalUsage(_ messages: [Message]) -> TokenUsage {
        TokenUsage.total(messages.map(\.usage))
    }

    private static func usageLine(_ usage: TokenUsage) -> String? {
        var parts: [String] = []
        if let prompt = usage.promptTokens { parts.append("\(prompt) prompt") }
        if let hit = usage.cacheHitTokens { parts.append("\(hit) cache hit") }
        if let miss = usage.cacheMissTokens { parts.append("\(miss) cache miss") }
        if let completion = usage.completionTokens { parts.append("\(completion) completion") }
        if let reasoning = usage.reasoningTokens { parts.append("\(reasoning) reasoning") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }

    private static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04ld-%02ld-%02ld %02ld:%02ld:%02ld UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
