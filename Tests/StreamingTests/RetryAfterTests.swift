import Foundation
import PonderCore
import TestSupport
import Testing

/// `Retry-After` in both forms, honoured as sent: a 429 asking for 60 s waits 60 s, not the
/// 20 s backoff cap; a wait longer than the policy allows is reported instead of waited out.
@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21 14:13:20 GMT

    @Test func secondsAndDates() {
        #expect(RetryAfter.seconds("60", now: now) == 60)
        #expect(RetryAfter.seconds(" 0 ", now: now) == 0)
        #expect(RetryAfter.seconds("1.5", now: now) == 1.5)
        #expect(RetryAfter.seconds("Mon, 21 Sep 2026 14:14:05 GMT", now: now) == 45)
        #expect(RetryAfter.seconds("Monday, 21-Sep-26 14:14:05 GMT", now: now) == 45)
        #expect(RetryAfter.seconds("Mon Sep 21 14:14:05 2026", now: now) == 45)
        #expect(RetryAfter.seconds("Mon, 21 Sep 2026 14:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds("-5", now: now) == nil)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds("", now: now) == nil)
    }

    @Test func theServersWaitWinsOverTheBackoffCap() {
        var machine = RequestStateMachine(policy: .init(maxRetries: 2, initialBackoff: 1, maxBackoff: 20))
        _ = machine.start()
        let actions = machine.failed(ChatError(kind: .rateLimited, message: "slow down"), retryAfter: 60, at: now)
        #expect(actions.contains(.retry(after: 60)))
        #expect(actions.contains(.emit(.phase(.retrying(attempt: 1, until: now + 60)))))
    }

    @Test func aWaitLongerThanThePolicyAllowsIsReported() {
        var machine = RequestStateMachine(policy: .init(maxRetries: 2, maxRetryAfter: 120))
        _ = machine.start()
        let actions = machine.failed(ChatError(kind: .rateLimited, message: "slow down."), retryAfter: 3600, at: now)
        #expect(!actions.contains { if case .retry = $0 { true } else { false } })
        guard case .emit(.phase(.failed(let error))) = actions.last else {
            Issue.record("expected a failure, got \(actions)")
            return
        }
        #expect(error.message == "slow down. The provider asks to wait 3600 s before the next try.")
    }

    @Test func aRetryAfterHeaderFromTheServerSetsTheWait() async throws {
        let server = try await FakeServer.start()
        let client = ClientHarness.client(maxRetries: 2)
        let outcome = await ClientHarness.run(
            client, ClientHarness.request(ClientHarness.settings(server, model: "fault-429-retry-after")))
        await client.shutdown()
        await server.stop()
        #expect(outcome.terminal == .finished(.stop))
        // The wait runs from the refusal (the first byte of the 429) to the `until` of the retrying phase.
        var refusedAt: Date?
        var waits: [Double] = []
        for event in outcome.events {
            if case .timings(let timings) = event, let firstByte = timings.firstByte { refusedAt = firstByte }
            if case .phase(.retrying(_, let until)) = event, let refusedAt {
                waits.append(until.timeIntervalSince(refusedAt))
            }
        }
        // The phase says when the retry goes out: one second after the refusal (not the 0.05 s backoff).
        #expect(waits.count == 1)
        #expect(waits.allSatisfy { $0 >= 0.9 })
        let requests = server.receivedRequests
        #expect(requests.count == 2)
    }
}
