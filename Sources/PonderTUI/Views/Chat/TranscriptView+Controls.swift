import PonderCore

/// The controls in the transcript: the conversation's system prompt folded at the top, the model's
/// name above an answer where the model changes (and among regenerated answers from several models),
/// and plain words under an answer that ran out of budget.
extension TranscriptView {
    /// One line of the system prompt's folded header.
    struct TopLine {
        var text: String
        var style: (Theme) -> Style
    }

    /// The folded system prompt: `⚙ System prompt: first line… (Alt-S edits)`, and a blank line.
    static func systemPromptLines(_ state: AppState) -> [TopLine] {
        guard let prompt = state.controls.current.systemPrompt, !prompt.isEmpty else { return [] }
        let first = prompt.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let more = prompt.contains("\n") ? "…" : ""
        return [
            TopLine(text: "⚙ System prompt: \(Sanitizer.sanitizeLine(first))\(more)  (Alt-S edits)") { $0.paneTitle },
            TopLine(text: "") { $0.text },
        ]
    }

    /// For each visible answer, the model of the answer before it on the branch (nil for the first).
    static func previousAnswerModels(_ visible: [Message]) -> [MessageID: String?] {
        var result: [MessageID: String?] = [:]
        var previous: String?
        for message in visible where message.role == .assistant {
            result[message.id] = previous
            previous = message.model ?? previous
        }
        return result
    }

    /// `── provider · model ──` above an answer whose model differs from the answer before it, or whose
    /// regenerated versions come from different models; nil otherwise.
    static func modelMark(for message: Message, previous: String?, state: AppState) -> String? {
        guard message.role == .assistant, let model = message.model else { return nil }
        let changed = previous.map { $0 != model } ?? false
        let mixedSiblings = !changed && state.siblings(of: message).contains { $0.model != nil && $0.model != model }
        guard changed || mixedSiblings else { return nil }
        let provider = message.provider.map { Sanitizer.sanitizeLine($0) + " · " } ?? ""
        return "── \(provider)\(Sanitizer.sanitizeLine(model)) ──"
    }

    /// Under a complete answer cut off by its output budget, or ended without a reason or for lack of
    /// capacity: what happened and what to do.
    static func endingNote(_ message: Message) -> String? {
        guard message.status == .complete else { return nil }
        switch message.finishReason {
        case .unspecified:
            return "⚠ The provider ended the answer without saying why (no finish reason); it may be incomplete. "
                + "Ctrl-G continues · Ctrl-R asks again."
        case .insufficientResources:
            return
                "⚠ The provider stopped the answer early (insufficient resources). Ctrl-G continues · Ctrl-R asks again."
        case .stop, .length, .contentFilter, .toolCalls, .other, nil:
            break
        }
        guard let words = ResponseEnding(message).explanation(budget: nil) else { return nil }
        return "⚠ " + words + " Ctrl-G continues · Alt-L sets the budget (Ctrl-R there asks again)."
    }
}
