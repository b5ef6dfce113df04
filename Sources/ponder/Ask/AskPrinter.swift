import PonderCore

/// Writes a streaming answer for `ponder ask`. Text mode: the answer on stdout, the reasoning on
/// stderr (on stdout with `--reasoning-only`), dimmed when that stream is a terminal; model text is
/// sanitised before it reaches a terminal and written as is to pipes and files. JSON mode: one
/// event object per line on stdout (`reasoning`, `answer`, `usage`, `error`, then `done`).
struct AskPrinter: Sendable {
    var showReasoning: Bool
    var showAnswer: Bool
    var json: Bool
    var output = StandardStream.output
    var errors = StandardStream.error

    /// The request's usage so far (a running total), for the `usage` event.
    var usage: TokenUsage?
    private var reasoningOpen = false
    private var reasoningEndsWithNewline = true
    private var answerEndsWithNewline = true
    private var wroteAnswer = false

    init(showReasoning: Bool, showAnswer: Bool, json: Bool) {
        self.showReasoning = showReasoning
        self.showAnswer = showAnswer
        self.json = json
    }

    private var reasoningStream: StandardStream { showAnswer ? errors : output }

    /// False when standard output is gone.
    mutating func reasoning(_ text: String) -> Bool {
        guard showReasoning, !text.isEmpty else { return true }
        if json { return event(["type": "reasoning", "text": .string(text)]) }
        let stream = reasoningStream
        reasoningOpen = true
        reasoningEndsWithNewline = text.hasSuffix("\n")
        let shown = stream.safe(text)
        let written = stream.write(stream.isTerminal ? "\u{1B}[2m" + shown + "\u{1B}[22m" : shown)
        return written || stream.descriptor != output.descriptor
    }

    mutating func answer(_ text: String) -> Bool {
        guard showAnswer, !text.isEmpty else { return true }
        if json { return event(["type": "answer", "text": .string(text)]) }
        if reasoningOpen {
            closeReasoning()
            // Reasoning and answer share the screen: keep a blank line between them.
            if errors.isTerminal && output.isTerminal { errors.write("\n") }
        }
        wroteAnswer = true
        answerEndsWithNewline = text.hasSuffix("\n")
        return output.write(output.safe(text))
    }

    /// Ends the output: closing newlines in text mode, the `usage`, `error` and `done` events in JSON
    /// (`status` is the answer's status as stored).
    mutating func finish(
        _ outcome: AskOutcome, status: MessageStatus, conversationID: ConversationID?, messageID: MessageID?
    ) {
        guard json else {
            if reasoningOpen { closeReasoning() }
            if wroteAnswer && !answerEndsWithNewline { output.write("\n") }
            return
        }
        if let usage {
            _ = event([
                "type": "usage", "prompt_tokens": Self.number(usage.promptTokens),
                "completion_tokens": Self.number(usage.completionTokens),
                "reasoning_tokens": Self.number(usage.reasoningTokens),
                "cache_hit_tokens": Self.number(usage.cacheHitTokens),
                "cache_miss_tokens": Self.number(usage.cacheMissTokens),
            ])
        }
        var done: [String: JSONValue] = [
            "type": "done", "status": .string(status.rawValue),
            "conversation_id": conversationID.map { .string($0.rawValue) } ?? .null,
            "message_id": messageID.map { .string($0.rawValue) } ?? .null,
        ]
        switch outcome {
        case .finished(let reason, let ending):
            done["finish_reason"] = reason == .unspecified ? .null : .string(reason.rawValue)
            done["ending"] = .string(ending.name)
        case .failed(let error):
            _ = event([
                "type": "error", "kind": .string(error.kind.rawValue), "message": .string(error.message),
                "http_status": Self.number(error.httpStatus),
            ])
        case .notSaved(let error, let missing, _):
            _ = event([
                "type": "error", "kind": "store",
                "message": .string(AskOutcome.notSavedMessage(error, missing: missing)),
                "http_status": .null,
            ])
        case .cancelled, .outputClosed:
            break
        }
        _ = event(.object(done))
    }

    private mutating func closeReasoning() {
        reasoningOpen = false
        if !reasoningEndsWithNewline { reasoningStream.write("\n") }
    }

    private func event(_ value: JSONValue) -> Bool {
        output.line(value.serialized)
    }

    private static func number(_ value: Int?) -> JSONValue {
        value.map { .number(Double($0)) } ?? .null
    }
}
