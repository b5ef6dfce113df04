import Foundation
import Logging
import PonderCore

/// Opening the conversation store for a command: the default file, then the start-up sweep that
/// marks streams left behind by killed processes as interrupted.
enum StoreAccess {
    static func open(paths: XDGPaths = XDGPaths()) throws -> ConversationStore {
        let store = try ConversationStore.openDefault(paths: paths)
        StartupTrace.mark("store opened")
        defer { StartupTrace.mark("abandoned streams swept") }
        do {
            let marked = try store.markAbandonedStreamsInterrupted()
            if marked > 0 {
                Logger(label: "ponder.cli").info("marked \(marked) abandoned streaming messages interrupted")
            }
        } catch {
            Logger(label: "ponder.cli").warning("start-up sweep failed: \(error)")
        }
        return store
    }
}
