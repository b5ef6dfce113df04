import Foundation
import Testing

/// Runs every test of a suite on threads outside Swift's cooperative pool.
///
/// That pool has one thread per core, two on the machines the tests run on. A test that waits
/// synchronously (polling tmux, waiting for a child process) holds its thread until the wait ends, and
/// two such tests at once leave nothing for the tests that need the pool: timers, in-process servers'
/// continuations and `Task.sleep` then run many seconds late, and their bounds fail. Under this trait a
/// test's code, and the child tasks it starts, run on libdispatch's overcommit pool, which starts
/// another thread whenever one blocks; at most as many such tests as there are cores run at once.
public struct OwnThreads: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> OwnThreads? {
        // Once per test case (a suite's own scope would only wrap its tests' scheduling).
        testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        await Self.slots.acquire()
        do {
            try await withTaskExecutorPreference(OverCommitExecutor.shared) { try await function() }
        } catch {
            await Self.slots.release()
            throw error
        }
        await Self.slots.release()
    }

    /// How many of these tests run at once: one per core, as many as the cooperative pool let run before.
    /// With no bound every such test in the run starts together, and a few hundred `ponder` processes, tmux
    /// servers and fake servers at once make every time limit fail; with two per core, a test that must
    /// press a key within a few seconds of a screen still missed its moment now and then.
    static let slots = Slots(count: ProcessInfo.processInfo.activeProcessorCount)
}

/// A counting semaphore for tasks: `acquire` suspends (holding no thread) until a slot is free.
actor Slots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            // The slot passes straight to the first waiter.
            waiting.removeFirst().resume()
        }
    }
}

extension Trait where Self == OwnThreads {
    /// See `OwnThreads`.
    public static var ownThreads: OwnThreads { OwnThreads() }
}

/// A task executor that runs each job on a serial queue of its own. Serial queues made without a
/// target use libdispatch's overcommit pool, which starts a thread for a job whenever every thread it has
/// is busy or blocked; a concurrent queue would use the fixed-width pool instead.
public final class OverCommitExecutor: TaskExecutor {
    public static let shared = OverCommitExecutor()

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        DispatchQueue(label: "ponder.tests.own-thread").async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
