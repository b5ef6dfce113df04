import Foundation
import PonderCore
import TestSupport
import Testing

@testable import PonderTUI

/// A question whose answer failed stays in the conversation, but the next request never carries it.
@Suite struct FailedQuestionHistoryTests {
    @Test func aFailedQuestionIsNotGluedToTheNextOne() async throws {
        let server = try await FakeServer.start()
        let store = try ConversationStore.inMemory()
        let client = ChatClient(configuration: .init(retryPolicy: .init(maxRetries: 0), proxy: ProxySettings()))
        let provider = ProviderConfig(name: "fake", kind: .deepseek, baseURL: server.baseURL, model: "fake-reasoner")
        let runtime = ChatRuntime(store: store, provider: provider, environment: [:], client: client)
        let queue = EventQueue()
        var events: [AppEvent] = []
        func ended() -> Message? {
            events += queue.drain()
            for case .streamEnded(let message) in events { return message }
            return nil
        }

        server.enqueue(.status(500))
        runtime.handle(.send(text: "fail", conversationID: nil, after: nil), queue: queue)
        #expect(Poll.until { ended() != nil })
        let failed = try #require(ended())
        #expect(failed.status == .failed)

        events = []
        runtime.handle(.send(text: "ok", conversationID: failed.conversationID, after: failed.id), queue: queue)
        #expect(Poll.until { ended() != nil })
        #expect(ended()?.status == .complete)

        let second = try #require(server.receivedRequests.last?.json)
        let sent = second["messages"]?.arrayValue?.map { [$0["role"]?.stringValue, $0["content"]?.stringValue] }
        #expect(sent == [["user", "ok"]])
        // The failed question stays in the conversation, with its failed answer to retry.
        let stored = try store.messages(in: failed.conversationID)
        #expect(stored.map(\.answer).prefix(2) == ["fail", ""])
        #expect(stored.map(\.status).prefix(2) == [.complete, .failed])
        await runtime.shutdown()
        await server.stop()
    }
}
