import Foundation
import PonderCore
import PonderTUI

/// What the command line hands to the full-screen app.
struct TUILaunch: Sendable {
    var environment: [String: String]
    var config: PonderConfig
    /// The provider chosen by `-p`, the config or the fallbacks; nil opens the first-run screen.
    var provider: ProviderConfig?
    /// `--conversation ID`, already resolved against the store.
    var conversationID: ConversationID?
    /// `--browse`: start in the conversation browser.
    var browse: Bool
    /// `--new`: start with a new conversation instead of the most recent one.
    var startNew = false
}

/// Starts the full-screen app and returns its exit status. The one place that knows `TUIOptions`.
/// The app's event loop blocks its thread for the whole session, so it gets a thread of its own
/// rather than one of the few threads that run Swift tasks (the stream and store work needs them).
func runTUI(_ launch: TUILaunch) async throws -> Int32 {
    let options = TUIOptions(
        environment: launch.environment,
        config: launch.config,
        providerChoice: launch.provider.map { .provider($0) } ?? .firstRun,
        conversationID: launch.conversationID,
        startInBrowser: launch.browse,
        startNew: launch.startNew)
    return try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            nameCurrentThread("ponder-ui")
            continuation.resume(with: Result { try TUIApplication.run(options: options) })
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// Names the calling thread as `top -H`, `perf` and `/proc` show it. Foundation's `Thread.name`, given
/// before `start` or even from the thread itself, does not always reach the system thread, which then
/// keeps the name of the libdispatch worker that created it; the kernel's own file for it always does.
private func nameCurrentThread(_ name: String) {
    let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = name.withCString { write(descriptor, $0, strlen($0)) }
    close(descriptor)
}
