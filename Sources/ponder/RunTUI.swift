import Foundation
import PonderCore
import PonderTUI

/// What the command line hands to the full-screen app.
struct TUILaunch {
    var environment: [String: String]
    /// The provider chosen by `-p`, the config or the fallbacks; nil opens the first-run screen.
    var provider: ProviderConfig?
    /// `--conversation ID`, already resolved against the store.
    var conversationID: ConversationID?
    /// `--browse`: start in the conversation browser.
    var browse: Bool
}

/// Starts the full-screen app and returns its exit status. The one place that knows `TUIOptions`.
func runTUI(_ launch: TUILaunch) throws -> Int32 {
    let options = TUIOptions(
        environment: launch.environment,
        providerLabel: launch.provider?.name ?? "no provider",
        modelLabel: launch.provider?.model ?? "no model")
    return try TUIApplication.run(options: options)
}
