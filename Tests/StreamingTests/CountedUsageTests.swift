import Foundation
import PonderCore
import Testing

/// Token figures a provider does not report are counted from the stream and marked as counted;
/// a stopped or cut-off answer keeps its time and its count.
@Suite struct CountedUsageTests {
    static func usage(in actions: [RequestStateMachine.Action]) -> TokenUsage? {
        actions.compactMap { action -> TokenUsage? in
            if case .emit(.usage(let usage)) = action { return usage }
            return nil
        }.last
    }

    static func streamed(_ machine: inout RequestStateMachine, reasoning: Int, answer: Int) {
        _ = machine.start()
        _ = machine.requestSent(at: Date())
        let deltas =
            Array(repeating: StreamDelta.reasoning("r"), count: reasoning)
            + Array(repeating: StreamDelta.answer("a"), count: answer)
        _ = machine.received(deltas, at: Date())
    }

    @Test func anInlineThinkAnswerWithReasoningReportedAsZeroEndsWithItsCount() {
        var machine = RequestStateMachine()
        Self.streamed(&machine, reasoning: 7, answer: 3)
        _ = machine.received([.usage(TokenUsage(promptTokens: 5, reasoningTokens: 0))], at: Date())
        let end = machine.received([.finished(.stop)], at: Date())
        let usage = Self.usage(in: end)
        #expect(usage == TokenUsage(promptTokens: 5, completionTokens: 10, reasoningTokens: 7, counted: true))
        #expect(machine.timings.finished != nil)
    }

    @Test func reportedFiguresStayTheProviders() {
        var machine = RequestStateMachine()
        Self.streamed(&machine, reasoning: 7, answer: 3)
        _ = machine.received([.usage(TokenUsage(completionTokens: 12, reasoningTokens: 8))], at: Date())
        let end = machine.received([.finished(.stop)], at: Date())
        #expect(Self.usage(in: end) == nil, "nothing to fill in")
        #expect(machine.usage == TokenUsage(completionTokens: 12, reasoningTokens: 8))
    }

    @Test func aCompletionCountWithoutItsReasoningShareGetsTheCountedShare() {
        // Ollama reports eval_count only.
        var machine = RequestStateMachine()
        Self.streamed(&machine, reasoning: 4, answer: 2)
        _ = machine.received([.usage(TokenUsage(promptTokens: 9, completionTokens: 6))], at: Date())
        _ = machine.received([.finished(.stop)], at: Date())
        #expect(machine.usage == TokenUsage(promptTokens: 9, completionTokens: 6, reasoningTokens: 4, counted: true))
        #expect(machine.usage.answerTokens == 2)
    }

    @Test func aStoppedOrCutOffAnswerKeepsItsTimeAndCount() {
        var stopped = RequestStateMachine()
        Self.streamed(&stopped, reasoning: 5, answer: 0)
        let cancel = stopped.cancel(at: Date())
        #expect(Self.usage(in: cancel) == TokenUsage(completionTokens: 5, reasoningTokens: 5, counted: true))
        #expect(stopped.timings.finished != nil)
        var cut = RequestStateMachine()
        Self.streamed(&cut, reasoning: 2, answer: 1)
        _ = cut.endOfStream(at: Date())
        #expect(cut.usage == TokenUsage(completionTokens: 3, reasoningTokens: 2, counted: true))
    }

    @Test func theCountedMarkIsStored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ponder-counted-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("p.sqlite")
        let conversation = Conversation(title: "t")
        let counted = Message(
            conversationID: conversation.id, role: .assistant, reasoning: "r", answer: "a",
            usage: TokenUsage(completionTokens: 2, reasoningTokens: 1, counted: true))
        let reported = Message(
            conversationID: conversation.id, role: .assistant, answer: "b", usage: TokenUsage(completionTokens: 4))
        do {
            let store = try ConversationStore.open(at: url)
            try store.saveAll(conversations: [conversation], messages: [counted, reported])
        }
        let reopened = try ConversationStore.open(at: url)
        let messages = try reopened.messages(in: conversation.id)
        #expect(messages.first { $0.id == counted.id }?.usage.counted == true)
        #expect(messages.first { $0.id == reported.id }?.usage.counted == false)
        #expect(messages.first { $0.id == counted.id }?.usage.reasoningTokens == 1)
    }
}
