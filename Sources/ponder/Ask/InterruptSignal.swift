import Dispatch
import Foundation
import Synchronization

/// Ctrl-C during `ponder ask`: SIGINT is taken from its default action and delivered through a
/// dispatch source, which calls `handler` once (the stream is then stopped cleanly and what arrived
/// is kept). A second Ctrl-C exits at once with 130.
final class InterruptSignal: @unchecked Sendable {
    private let source: any DispatchSourceSignal

    init(handler: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global(qos: .userInitiated))
        let count = Mutex(0)
        source.setEventHandler {
            let seen = count.withLock { count in
                count += 1
                return count
            }
            if seen == 1 { handler() } else { _exit(130) }
        }
        source.resume()
    }

    /// Gives SIGINT back its default action.
    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
