import Foundation
import PonderCore
import Synchronization
import TestSupport
import Testing

/// The turn runner against an in-memory store and the fake server: what it saves before the request,
/// what it sends, what it stores at the end, and what its observer is told, in order.
@Suite struct TurnRunnerTests {
    /// Records what a turn reports; can stop the turn after a number of events.
    final class Recorder: TurnObserver {
        private let log = Mutex<[String]>([])
        private let noticeLog = Mutex<[TurnNotice]>([])
        private let stopAfter: Int?

        init(stopAfter: Int? = nil) { self.stopAfter = stopAfter }

        var entries: [String] { log.withLock { $0 } }
        var notices: [TurnNotice] { noticeLog.withLock { $0 } }

        func turnStarted(_ turn: PreparedTurn) { log.withLock { $0.append("started") } }

        func turnReceived(_ event: ChatStreamEvent) -> Bool {
            log.withLock { log in
                switch event {
                case .reasoning: log.append("reasoning")
                case .answer: log.append("answer")
                case .usage, .timings, .phase: log.append("other")
                }
                return stopAfter.map { log.count <= $0 } ?? true
            }
        }

        func turnNotice(_ notice: TurnNotice) {
            log.withLock { $0.append("notice") }
            noticeLog.withLock { $0.append(notice) }
        }

        func turnEnded(_ end: TurnEnd) { log.withLock { $0.append("ended \(end.status.rawValue)") } }
    }

    static func setUp() async throws -> (FakeServer, ConversationStore, TurnRunner, TurnProvider) {
        let server = try await FakeServer.start()
        let store = try ConversationStore.inMemory()
        let client = ChatClient(configuration: .init(retryPolicy: .init(maxRetries: 0), proxy: ProxySettings()))
        let provider = TurnProvider.resolved(
            ProviderSettings(name: "fake", kind: .deepseek, baseURL: server.baseURL, model: "fake-reasoner"))
        return (server, store, TurnRunner(store: store, client: client), provider)
    }

    @Test func aNewQuestionIsSavedInOneTurnThenStreamedIntoTheStore() async throws {
        let (server, store, runner, provider) = try await Self.setUp()
        let turn = try runner.prepare(
            .ask("Why is the sky blue?\n\nsome context", conversation: nil, after: nil), provider: provider)
        #expect(turn.isNewConversation && turn.isSaved)
        #expect(try store.conversation(turn.conversation.id)?.title == "Why is the sky blue?")
        let saved = try store.messages(in: turn.conversation.id)
        #expect(saved.map(\.role) == [.user, .assistant])
        #expect(saved.last?.status == .streaming && saved.last?.provider == "fake")

        let recorder = Recorder()
        let end = await runner.run(turn, provider: provider, observer: recorder)
        #expect(end.status == .complete && end.errorText == nil && end.phase == .finished(.stop))
        #expect(recorder.entries.first == "started" && recorder.entries.last == "ended complete")
        #expect(recorder.entries.contains("reasoning") && recorder.entries.contains("answer"))
        let stored = try #require(try store.message(turn.answer.id))
        #expect(stored.status == .complete)
        #expect(stored.reasoning.hasPrefix("step 1 ") && stored.answer.hasPrefix("You said: “Why is the sky blue?"))
        #expect(stored.usage.completionTokens != nil && stored.timings.finished != nil)

        // The next question continues the branch: the whole exchange is sent before it.
        let next = try runner.prepare(
            .ask("And at sunset?", conversation: turn.conversation.id, after: nil), provider: provider)
        #expect(!next.isNewConversation && next.question?.parentID == turn.answer.id)
        await runner.run(next, provider: provider, observer: Recorder())
        let roles = server.receivedRequests.last?.json?["messages"]?.arrayValue?.map { $0["role"]?.stringValue }
        #expect(roles == ["user", "assistant", "user"])
        await runner.client.shutdown()
        await server.stop()
    }

    @Test func failuresAreStoredWithTheirStatusAndWords() async throws {
        let (server, store, runner, provider) = try await Self.setUp()
        server.enqueue(.unauthorized)
        let rejected = try runner.prepare(.ask("key?", conversation: nil, after: nil), provider: provider)
        let failed = await runner.run(rejected, provider: provider, observer: Recorder())
        #expect(failed.status == .failed && failed.failure?.kind == .unauthorized)
        #expect(try store.message(rejected.answer.id)?.errorText == failed.errorText)
        #expect(failed.errorText?.isEmpty == false)

        server.enqueue(FakeScenario(name: "cut", fault: .closeAfter(tokens: 15)))
        let cutTurn = try runner.prepare(.ask("cut", conversation: nil, after: nil), provider: provider)
        let cut = await runner.run(cutTurn, provider: provider, observer: Recorder())
        #expect(cut.status == .interrupted)
        #expect(try store.message(cutTurn.answer.id)?.answer.isEmpty == false)
        await runner.client.shutdown()
        await server.stop()
    }

    @Test func anObserverThatGoesAwayStopsTheTurnAndCancellingTheTaskToo() async throws {
        let (server, store, runner, provider) = try await Self.setUp()
        server.enqueue(.slow)
        let turn = try runner.prepare(.ask("stop", conversation: nil, after: nil), provider: provider)
        let end = await runner.run(turn, provider: provider, observer: Recorder(stopAfter: 8))
        #expect(end.status == .cancelled)
        #expect(try store.message(turn.answer.id)?.status == .cancelled)

        // A stream that stalls after its first tokens: the cancel cannot race the stream's own end.
        server.enqueue(.stall)
        let second = try runner.prepare(.ask("cancel", conversation: nil, after: nil), provider: provider)
        let task = Task { await runner.run(second, provider: provider, observer: Recorder()) }
        #expect(await Poll.eventually { (try? store.message(second.answer.id)?.reasoning.isEmpty) == false })
        task.cancel()
        #expect(await task.value.status == .cancelled)
        #expect(try store.message(second.answer.id)?.status == .cancelled)
        await runner.client.shutdown()
        await server.stop()
    }

    @Test func regenerateAndContinueReadTheBranchFromTheStore() async throws {
        let (server, store, runner, provider) = try await Self.setUp()
        let first = try runner.prepare(.ask("twice", conversation: nil, after: nil), provider: provider)
        await runner.run(first, provider: provider, observer: Recorder())
        try store.setReasoningFolded(first.answer.id, false)

        let again = try runner.prepare(.regenerate(first.answer.id), provider: provider)
        #expect(again.question == nil && again.answer.parentID == first.answer.parentID)
        #expect(again.answer.id != first.answer.id && again.answer.reasoningFolded == false)
        #expect(again.history.map(\.id) == [try #require(first.question?.id)])
        await runner.run(again, provider: provider, observer: Recorder())
        #expect(try store.messages(in: first.conversation.id).count == 3)

        let continued = try runner.prepare(.continueAnswer(again.answer.id), provider: provider)
        #expect(continued.answer.id == again.answer.id && continued.continuation?.id == again.answer.id)
        #expect(try store.message(again.answer.id)?.status == .streaming)
        #expect(try store.message(again.answer.id)?.reasoningFolded == false)
        await runner.run(continued, provider: provider, observer: Recorder())
        #expect(try store.message(again.answer.id)?.status == .complete)
        #expect(throws: TurnError.missing) { try runner.prepare(.regenerate(MessageID("gone")), provider: provider) }
        await runner.client.shutdown()
        await server.stop()
    }

    @Test func aRunnerThatDoesNotSaveReadsHistoryButWritesNothing() async throws {
        let (server, store, saving, provider) = try await Self.setUp()
        let first = try saving.prepare(.ask("remember", conversation: nil, after: nil), provider: provider)
        await saving.run(first, provider: provider, observer: Recorder())
        let reader = TurnRunner(store: store, client: saving.client, savesTurns: false)
        let turn = try reader.prepare(
            .ask("recall", conversation: first.conversation.id, after: nil), provider: provider)
        #expect(!turn.isSaved && turn.history.count == 3)
        let end = await reader.run(turn, provider: provider, observer: Recorder())
        #expect(end.status == .complete)
        #expect(try store.messages(in: first.conversation.id).count == 2)
        await saving.client.shutdown()
        await server.stop()
    }
}
