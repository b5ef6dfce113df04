import Foundation
import PonderCore
import Testing

/// The request state machine's transitions and the actions they return.
@Suite struct RequestStateMachineTests {
    let start = Date(timeIntervalSince1970: 1_000)

    func events(_ actions: [RequestStateMachine.Action]) -> [ChatStreamEvent] {
        actions.compactMap {
            if case .emit(let event) = $0 { return event }
            return nil
        }
    }

    @Test func keepAlivesMeanQueuedThenThinkingThenAnswering() {
        var machine = RequestStateMachine()
        #expect(events(machine.start()) == [.phase(.connecting)])
        _ = machine.requestSent(at: start)
        #expect(events(machine.received([.keepAlive, .keepAlive], at: start)) == [.phase(.queued)])
        let thinking = events(machine.received([.reasoning("a"), .reasoning("b")], at: start + 1))
        #expect(thinking.first == .phase(.thinking))
        #expect(thinking.filter { if case .reasoning = $0 { true } else { false } }.count == 2)
        #expect(machine.timings.firstReasoning == start + 1)
        _ = machine.received([.answer("x")], at: start + 2)
        #expect(machine.state == .answering)
        let end = machine.received([.finished(.stop)], at: start + 3)
        #expect(machine.state.terminalPhase == .finished(.stop))
        #expect(events(end).last == .phase(.finished(.stop)))
        #expect(machine.timings.finished == start + 3)
        #expect(machine.received([.answer("late")], at: start + 4).isEmpty)
    }

    @Test func retriesOnlyBeforeTheFirstToken() {
        var machine = RequestStateMachine(policy: .init(maxRetries: 2, initialBackoff: 1, maxBackoff: 3))
        _ = machine.start()
        let first = machine.failed(ChatError(kind: .rateLimited, message: "x"), at: start)
        #expect(first.contains(.retry(after: 1)))
        #expect(events(first) == [.phase(.retrying(attempt: 1, until: start + 1))])
        _ = machine.retryStarted()
        let second = machine.failed(ChatError(kind: .server, message: "x"), retryAfter: 2.5, at: start)
        #expect(second.contains(.retry(after: 2.5)))
        _ = machine.retryStarted()
        let third = machine.failed(ChatError(kind: .server, message: "x"), at: start)
        #expect(events(third).last == .phase(.failed(ChatError(kind: .server, message: "x"))))

        var streaming = RequestStateMachine()
        _ = streaming.start()
        _ = streaming.received([.answer("a")], at: start)
        let failed = streaming.failed(ChatError(kind: .server, message: "y"), at: start)
        #expect(!failed.contains { if case .retry = $0 { true } else { false } })
    }

    @Test func eofWithoutFinishIsInterrupted() {
        var machine = RequestStateMachine()
        _ = machine.start()
        _ = machine.received([.reasoning("r")], at: start)
        let actions = events(machine.endOfStream(at: start))
        guard case .phase(.failed(let error)) = actions.last else {
            Issue.record("expected failure, got \(actions)")
            return
        }
        #expect(error.kind == .interrupted)
    }

    @Test func cancelIsTerminal() {
        var machine = RequestStateMachine()
        _ = machine.start()
        #expect(events(machine.cancel(at: start)).last == .phase(.cancelled))
        #expect(machine.endOfStream(at: start).isEmpty)
    }

    @Test func backoffDoublesAndIsCapped() {
        let policy = RequestStateMachine.RetryPolicy(maxRetries: 5, initialBackoff: 0.5, maxBackoff: 3)
        #expect((1...5).map { policy.delay(attempt: $0) } == [0.5, 1, 2, 3, 3])
    }
}
