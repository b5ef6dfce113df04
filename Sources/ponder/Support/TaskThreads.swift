import CTaskHooks
import Foundation
import NIOCore
import NIOPosix

/// Where Swift tasks run: on the event-loop threads the HTTP client reads the stream on, not on
/// libdispatch's worker pool. libdispatch starts a one-second timer to watch its pool when the first
/// worker thread starts and never stops it, so a single task on a worker would wake an idle app once
/// a second for the rest of the session (docs/decisions.md, "No thread wakes while nothing streams").
/// The event loops (one per core) sleep in `epoll_wait` until there is work or a timer is due. A task
/// that continues after an await stays on the loop it ran on.
enum TaskThreads {
    /// Routes every global job to the event loops. Call it first in `main`, before any task starts.
    /// When another hook was already set, jobs stay with libdispatch.
    static func useEventLoops() {
        // The loops start on a thread of their own, beside the start-up work: the first task would
        // otherwise wait for them on the main thread (about a millisecond of `ponder ask`'s start).
        Thread.detachNewThread { _ = MultiThreadedEventLoopGroup.singleton }
        _ = ponder_route_global_jobs { pointer in
            guard let pointer else { return }
            let job = unsafeBitCast(pointer, to: UnownedJob.self)
            MultiThreadedEventLoopGroup.singleton.any().executor.enqueue(ExecutorJob(job))
        }
    }
}
