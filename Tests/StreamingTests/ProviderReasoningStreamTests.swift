import Foundation
import PonderCore
import Synchronization
import TestSupport
import Testing

/// Through the real client and the fake server: the provider's record of the reasoning arrives before
/// the end, and an output limit reached while thinking ends with `length` and no answer.
@Suite struct ProviderReasoningStreamTests {
    typealias H = ClientHarness

    static func run(_ client: ChatClient, _ request: ChatRequest) async -> (H.Outcome, [ProviderReasoning]) {
        let records = Mutex<[ProviderReasoning]>([])
        let events = Mutex<[ChatStreamEvent]>([])
        await client.run(
            request, emit: { event in events.withLock { $0.append(event) } },
            record: { record in
                // Reported before the terminal phase, so a writer has it when the answer is finished.
                let ended = events.withLock {
                    $0.contains { if case .phase(let p) = $0 { p.isTerminal } else { false } }
                }
                #expect(!ended)
                records.withLock { $0.append(record) }
            })
        return (H.Outcome(events: events.withLock { $0 }), records.withLock { $0 })
    }

    @Test func anthropicThinkingBlocksArriveWithTheirSignature() async throws {
        try await H.withServer { server, client in
            let (outcome, records) = await Self.run(
                client, H.request(H.settings(server, kind: .anthropic, model: "claude-sonnet-4-5")))
            #expect(outcome.terminal == .finished(.stop))
            let record = try #require(records.first)
            #expect(records.count == 1)
            #expect(record.format == .anthropic)
            #expect(
                record.items == [
                    ["type": "thinking", "thinking": .string(outcome.reasoning), "signature": "ZmFrZS1zaWduYXR1cmU="]
                ])
        }
    }

    @Test func openRouterDetailsArriveMerged() async throws {
        try await H.withServer(.reasoningDetails) { server, client in
            let (outcome, records) = await Self.run(
                client, H.request(H.settings(server, kind: .openrouter, model: "anthropic/claude-sonnet-4.5")))
            #expect(outcome.terminal == .finished(.stop))
            let record = try #require(records.first)
            #expect(record.format == .openRouter)
            #expect(record.items.count == 1)
            #expect(record.items.first?["text"] == .string(outcome.reasoning))
            #expect(record.items.first?["signature"] == "c2lnbmVkLWJ5LWZha2U=")
            #expect(record.items.first?["format"] == "anthropic-claude-v1")
        }
    }

    @Test(arguments: [ProviderKind.deepseek, .openai, .ollama, .anthropic])
    func aBudgetUsedUpWhileThinkingEndsWithLengthAndNoAnswer(kind: ProviderKind) async throws {
        try await H.withServer { server, client in
            var settings = H.settings(server, kind: kind, model: "claude-sonnet-4-5")
            settings.maxTokens = 5
            let (outcome, records) = await Self.run(client, H.request(settings))
            #expect(outcome.terminal == .finished(.length))
            #expect(outcome.answer.isEmpty)
            #expect(outcome.reasoning == "step 1 step 2 step 3 step 4 step 5 ")
            #expect(
                ResponseEnding(finishReason: .length, hasAnswer: !outcome.answer.isEmpty) == .budgetUsedWhileThinking)
            if kind == .anthropic {
                // Cut before its signature: kept, but not replayable.
                #expect(records.first?.isCompleteForReplay == false)
            }
        }
    }
}
