import Dispatch
import Foundation
import TestTraits
import Testing

/// The `ownThreads` trait: tests under it may block their threads without starving the cooperative pool.
@Suite(.ownThreads) struct OwnThreadsTests {
    /// More tasks than the pool has threads block until a task on the pool releases them: this only
    /// ends when the blocked ones are outside the pool.
    @Test func blockedTasksLeaveThePoolFreeForOthers() async {
        let blocked = ProcessInfo.processInfo.activeProcessorCount + 2
        let release = DispatchSemaphore(value: 0)
        let freed = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<blocked {
                group.addTask { release.wait(timeout: .now() + 30) == .success }
            }
            // Detached: no executor preference, so it runs on the cooperative pool.
            Task.detached { for _ in 0..<blocked { release.signal() } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(freed == blocked, "\(blocked - freed) tasks were still blocked after 30 s")
    }
}
