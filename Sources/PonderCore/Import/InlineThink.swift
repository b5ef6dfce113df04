import Foundation

/// Reasoning written inline at the start of an answer: `<think>…</think>` (and the `<thinking>`
/// spelling some models use), split with the same splitter that handles streamed answers.
enum InlineThink {
    /// (reasoning, answer); the whole text as the answer when it does not open with a think tag.
    static func split(_ text: String) -> (reasoning: String, answer: String) {
        let trimmed = text.drop(while: \.isWhitespace)
        for (open, close) in [("<think>", "</think>"), ("<thinking>", "</thinking>")] where trimmed.hasPrefix(open) {
            var splitter = ThinkTagSplitter(openTag: open, closeTag: close)
            var reasoning = ""
            var answer = ""
            for piece in splitter.feed(text) + splitter.finish() {
                switch piece {
                case .reasoning(let part): reasoning += part
                case .answer(let part): answer += part
                }
            }
            return (
                reasoning.trimmingCharacters(in: .whitespacesAndNewlines),
                String(answer.drop(while: \.isWhitespace))
            )
        }
        return ("", text)
    }
}
