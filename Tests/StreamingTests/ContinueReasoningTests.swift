import Foundation
import PonderCore
import TestSupport
import Testing

/// Continuing an answer that was stopped while it was still thinking: DeepSeek resumes the chain of
/// thought (prefix completion with the partial reasoning); other providers answer again beside it,
/// keeping the partial trace whole instead of gluing a second trace onto it.
@Suite struct ContinueReasoningTests {
    typealias Recorder = TurnRunnerTests.Recorder

    static func setUp(kind: ProviderKind, refusedPaths: [String: Int] = [:]) async throws -> (
        FakeServer, ConversationStore, TurnRunner, TurnProvider
    ) {
        let server = try await FakeServer.start(refusedPaths: refusedPaths)
        let store = try ConversationStore.inMemory()
        let client = ChatClient(configuration: .init(retryPolicy: .init(maxRetries: 0), proxy: ProxySettings()))
        let provider = TurnProvider.resolved(
            ProviderSettings(name: "fake", kind: kind, baseURL: server.baseURL, model: "fake-slow"))
        return (server, store, TurnRunner(store: store, client: client), provider)
    }

    /// A question whose answer is stopped after a few reasoning pieces, before any answer text.
    static func stoppedWhileThinking(_ runner: TurnRunner, _ provider: TurnProvider, _ server: FakeServer)
        async throws -> Message
    {
        // Long enough in thought that the stop always lands before the answer, however loaded the machine.
        server.enqueue(FakeScenario(name: "fake-slow", reasoningTokens: 2_000, answerTokens: 5, tokensPerSecond: 20))
        let turn = try runner.prepare(.ask("think hard", conversation: nil, after: nil), provider: provider)
        let end = await runner.run(turn, provider: provider, observer: Recorder(stopAfter: 6))
        #expect(end.status == .cancelled)
        let partial = try #require(try runner.store?.message(turn.answer.id))
        #expect(!partial.reasoning.isEmpty && partial.answer.isEmpty)
        return partial
    }

    static func lastBody(_ server: FakeServer) throws -> JSONValue {
        try JSONValue.parse(try #require(server.receivedRequests.last).body)
    }

    @Test func withoutReasoningPrefillTheContinuationIsANewAnswerBesideThePartial() async throws {
        let (server, store, runner, provider) = try await Self.setUp(kind: .vllm)
        let partial = try await Self.stoppedWhileThinking(runner, provider, server)
        let turn = try runner.prepare(.continueAnswer(partial.id), provider: provider)
        #expect(turn.answer.id != partial.id, "a sibling, not the partial again")
        #expect(turn.answer.parentID == partial.parentID)
        #expect(turn.continuation == nil)
        let end = await runner.run(turn, provider: provider, observer: Recorder())
        #expect(end.status == .complete)
        let messages = try store.messages(in: partial.conversationID)
        let kept = try #require(messages.first { $0.id == partial.id })
        #expect(kept.reasoning == partial.reasoning, "the partial trace is kept whole")
        #expect(kept.status == .cancelled)
        let fresh = try #require(messages.first { $0.id == turn.answer.id })
        #expect(!fresh.answer.isEmpty)
        let sent = try Self.lastBody(server)["messages"]?.arrayValue ?? []
        #expect(sent.last?["role"]?.stringValue == "user", "the question is asked again, no assistant prefill")
        await runner.client.shutdown()
        await server.stop()
    }

    @Test func deepSeekResumesTheReasoningWithPrefixCompletion() async throws {
        let (server, store, runner, provider) = try await Self.setUp(kind: .deepseek)
        let partial = try await Self.stoppedWhileThinking(runner, provider, server)
        let turn = try runner.prepare(.continueAnswer(partial.id), provider: provider)
        #expect(turn.answer.id == partial.id && turn.continuation?.id == partial.id)
        _ = await runner.run(turn, provider: provider, observer: Recorder())
        let request = try #require(server.receivedRequests.last)
        #expect(request.path.hasPrefix("/beta/"))
        let last = try Self.lastBody(server)["messages"]?.arrayValue?.last
        #expect(last?["role"]?.stringValue == "assistant")
        #expect(last?["prefix"]?.boolValue == true)
        #expect(last?["reasoning_content"]?.stringValue == partial.reasoning)
        #expect(try store.message(partial.id)?.reasoning.hasPrefix(partial.reasoning) == true)
        await runner.client.shutdown()
        await server.stop()
    }

    /// A DeepSeek-kind server (or proxy) without the beta prefix-completion endpoint answers 404, 405
    /// or 501 there: the turn answers again as a new version beside the partial, which stays as it
    /// was, and later continuations on that provider never try the endpoint again.
    @Test(arguments: [404, 405, 501])
    func withoutThePrefixEndpointDeepSeekAnswersAgainAsANewVersion(status: Int) async throws {
        let (server, store, runner, provider) = try await Self.setUp(
            kind: .deepseek, refusedPaths: ["/beta/chat/completions": status])
        let partial = try await Self.stoppedWhileThinking(runner, provider, server)
        let turn = try runner.prepare(.continueAnswer(partial.id), provider: provider)
        let recorder = Recorder()
        let end = await runner.run(turn, provider: provider, observer: recorder)
        #expect(end.status == .complete && end.errorText == nil)
        #expect(end.answerID != partial.id)
        #expect(recorder.notices == [.answeredAsNewVersion(kept: partial)])
        #expect(recorder.entries.filter { $0.hasPrefix("ended") } == ["ended complete"])
        let paths = server.receivedRequests.map(\.path)
        #expect(paths == ["/chat/completions", "/beta/chat/completions", "/chat/completions"])
        let sent = try Self.lastBody(server)["messages"]?.arrayValue ?? []
        #expect(sent.map { $0["role"]?.stringValue } == ["user"], "the question only, no prefill")
        #expect(sent.last?["content"]?.stringValue == "think hard")
        let messages = try store.messages(in: partial.conversationID)
        #expect(messages.first { $0.id == partial.id } == partial, "the partial is kept as it was")
        let fresh = try #require(messages.first { $0.id == end.answerID })
        #expect(fresh.parentID == partial.parentID && fresh.status == .complete && !fresh.answer.isEmpty)

        // The endpoint is not tried again on this provider: the next continuation is a new version.
        let again = try runner.prepare(.continueAnswer(partial.id), provider: provider)
        #expect(again.continuation == nil && again.answer.id != partial.id)
        _ = await runner.run(again, provider: provider, observer: Recorder())
        #expect(server.receivedRequests.map(\.path).filter { $0.hasPrefix("/beta/") }.count == 1)
        await runner.client.shutdown()
        await server.stop()
    }
}
