import Foundation
import PonderCore
import Testing

/// `LoopSleep` waits on the event loops as `Task.sleep` would: at least the time asked, and no longer
/// than it takes to notice a cancellation.
@Suite struct LoopSleepTests {
    @Test func waitsAtLeastTheTimeAsked() async throws {
        let start = ContinuousClock.now
        try await LoopSleep.sleep(for: .milliseconds(120))
        #expect(ContinuousClock.now - start >= .milliseconds(120))
    }

    @Test func aZeroOrNegativeWaitReturns() async throws {
        try await LoopSleep.sleep(for: .zero)
        try await LoopSleep.sleep(for: .milliseconds(-5))
    }

    @Test func cancellingEndsALongWaitWithCancellationError() async throws {
        let sleeper = Task { try await LoopSleep.sleep(for: .seconds(3600)) }
        sleeper.cancel()
        let outcome = await sleeper.result
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    @Test func aWaitCancelledWhileWaitingEnds() async throws {
        let started = ContinuousClock.now
        let sleeper = Task { try await LoopSleep.sleep(for: .seconds(3600)) }
        // Give the wait a moment to be scheduled, then cancel it mid-wait.
        try await LoopSleep.sleep(for: .milliseconds(50))
        sleeper.cancel()
        let outcome = await sleeper.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
