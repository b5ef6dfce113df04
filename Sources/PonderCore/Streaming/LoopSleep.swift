import NIOCore
import NIOPosix

/// A task's pause, timed by the event loops that run Ponder's tasks. Swift 6.3's `Task.sleep` hands
/// its wait to libdispatch's global queue whatever executor runs the task, and libdispatch's first
/// worker thread starts a timer that wakes the process every second from then on (docs/decisions.md,
/// "No thread wakes while nothing streams"). Use this instead of `Task.sleep` in the app's code.
public enum LoopSleep {
    /// Returns after `duration`, or throws `CancellationError` as soon as the task is cancelled.
    public static func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        let wake = loop.scheduleTask(in: .nanoseconds(max(0, duration.nanoseconds))) {}
        try await withTaskCancellationHandler {
            do {
                try await wake.futureResult.get()
            } catch {
                throw CancellationError()
            }
        } onCancel: {
            wake.cancel()
        }
    }
}
