/// The fault matrix: one scenario per way a provider can fail a streamed answer, each selectable by
/// its name as the model (`ponder ask -m fault-stall-reasoning …`, or `ponder-fake-server --scenario`),
/// so the command line and the full-screen app are tested against the same faults.
extension FakeScenario {
    /// The context-too-long message DeepSeek sends with HTTP 400.
    public static let contextTooLongMessage =
        "This model's maximum context length is 65536 tokens. However, you requested 70213 tokens "
        + "(70213 in the messages, 0 in the completion). Please reduce the length of the messages or completion."

    /// Every fault scenario, in the order of the matrix.
    public static let faults: [FakeScenario] = [
        // Resets come after a pause, so what was sent before has been read: the kernel drops unread
        // bytes when an RST arrives, which no client can keep.
        FakeScenario(
            name: "fault-reset-reasoning", reasoningTokens: 40, answerTokens: 10, tokensPerSecond: 200,
            fault: .resetAfter(tokens: 10)),
        FakeScenario(
            name: "fault-reset-answer", reasoningTokens: 10, answerTokens: 40, tokensPerSecond: 200,
            fault: .resetAfter(tokens: 20)),
        FakeScenario(
            name: "fault-burst-close", reasoningTokens: 100, answerTokens: 50, fault: .closeAfter(tokens: 120)),
        // Each token its own HTTP chunk, back to back: 40 chunks, fewer than the 50 body parts
        // async-http-client hands over in one event-loop turn (see docs/decisions.md).
        FakeScenario(
            name: "fault-burst-chunks-close", reasoningTokens: 30, answerTokens: 20, fault: .closeAfter(tokens: 40),
            chunkPerToken: true),
        FakeScenario(name: "fault-stall-reasoning", reasoningTokens: 40, fault: .stallAfter(tokens: 5)),
        FakeScenario(name: "fault-keepalive-queue", keepAlivesBeforeFirstToken: 30, keepAliveIntervalMilliseconds: 100),
        FakeScenario(name: "fault-429-retry-after", fault: .statusThenSuccess(status: 429, times: 1), retryAfter: "1"),
        FakeScenario(name: "fault-503", fault: .httpStatus(503)),
        FakeScenario(name: "fault-401", fault: .httpStatus(401)),
        FakeScenario(name: "fault-402", fault: .httpStatus(402)),
        FakeScenario(name: "fault-400-context", fault: .httpStatus(400), errorMessage: contextTooLongMessage),
        FakeScenario(name: "fault-malformed", fault: .malformedLine(afterTokens: 4)),
        FakeScenario(name: "fault-huge-line", reasoningTokens: 2, answerTokens: 2, fault: .hugeLine(bytes: 10 << 20)),
        FakeScenario(name: "fault-invalid-utf8", fault: .invalidUTF8(afterTokens: 3)),
        FakeScenario(name: "fault-no-end", fault: .noEndMarker),
        FakeScenario(name: "fault-no-finish-reason", fault: .noFinishReason),
        FakeScenario(name: "fault-inband-error", fault: .inBandError(afterTokens: 4)),
        FakeScenario(name: "fault-key-echo", fault: .inBandErrorEchoingKey(afterTokens: 4)),
    ]

    /// The invalid bytes `invalidUTF8` puts inside a token: a lone continuation byte, a truncated
    /// three-byte sequence and an overlong encoding of `/`.
    public static let invalidUTF8Bytes: [UInt8] = [0x80, 0xE2, 0x82, 0xC0, 0xAF]
}
