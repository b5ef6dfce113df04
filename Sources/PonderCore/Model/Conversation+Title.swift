extension Conversation {
    /// Characters a title from a question keeps at most (the last one an ellipsis when cut).
    public static let questionTitleLength = 60

    /// The title a new conversation gets from its first question: the first line that is not blank,
    /// sanitised, runs of spaces made one, at most `questionTitleLength` characters. The first line
    /// because a question with pasted context (`git diff | ponder ask "review this"`) starts with
    /// what is asked. The same for the full-screen app and `ponder ask`.
    public static func title(fromQuestion question: String) -> String {
        let line =
            question.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
            ?? ""
        let words = Sanitizer.sanitizeLine(line).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard words.count > questionTitleLength else { return words }
        return String(words.prefix(questionTitleLength - 1)) + "…"
    }
}
