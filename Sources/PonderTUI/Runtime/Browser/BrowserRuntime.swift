import Dispatch
import Foundation
import Logging
import PonderCore
import Synchronization

/// Carries out the browser's effects against the conversation store, off the loop thread, and
/// posts the outcome back as events: writes and list loads run one at a time in order, searches
/// and previews run concurrently (the reducer drops stale ones). It also watches the store's
/// change counter so that writes by another Ponder process refresh the list.
public final class BrowserRuntime: Sendable {
    /// Conversations listed at most (the list is read whole; ten thousand take milliseconds).
    public static let listLimit = 100_000
    /// Hits asked for per search (a screenful several times over).
    public static let searchLimit = 60

    public let store: ConversationStore
    let queue: EventQueue
    let exportDirectories: [URL]
    let timeZone: TimeZone
    private let writes = DispatchQueue(label: "ponder.browser.writes")
    private let reads = DispatchQueue(label: "ponder.browser.reads", attributes: .concurrent)
    private let logger = Logger(label: "ponder.browser")
    private struct Watch {
        var includeArchived = false
        var lastCounter: Int?
        var listedArchived: Bool?
        var listedAt = Date.distantPast
        var watching = false
    }
    private let watch = Mutex(Watch())

    /// `exportDirectories` are tried in order; the first that can be written to receives exports.
    public init(store: ConversationStore, queue: EventQueue, exportDirectories: [URL], timeZone: TimeZone = .current) {
        self.store = store
        self.queue = queue
        self.exportDirectories = exportDirectories
        self.timeZone = timeZone
    }

    /// The usual export places: the current directory, then `$XDG_DATA_HOME/ponder/exports`.
    public static func defaultExportDirectories(paths: XDGPaths) -> [URL] {
        [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            paths.dataHome.appendingPathComponent("exports", isDirectory: true),
        ]
    }

    /// Runs an effect in the background; its result arrives as a `BrowserEvent`.
    public func handle(_ effect: BrowserEffect) {
        switch effect {
        case .loadList(let includeArchived):
            watch.withLock { $0.includeArchived = includeArchived }
            writes.async { if !self.listIsCurrent() { self.postList() } }
        case .search(let query, let generation, let includeArchived):
            reads.async { self.search(query, generation: generation, includeArchived: includeArchived) }
        case .loadPreview(let id):
            reads.async {
                do {
                    self.queue.post(.browser(.previewLoaded(id, try self.store.messages(in: id))))
                } catch {
                    self.queue.post(.browser(.failed("Could not read the conversation: \(error)")))
                }
            }
        case .rename, .setPinned, .setArchived, .delete, .restore, .export:
            writes.async {
                self.perform(effect)
                self.postList()
            }
        }
    }

    /// Reads the list now and posts it (also used at start-up for the sidebar).
    public func postList() {
        let includeArchived = watch.withLock { $0.includeArchived }
        do {
            let counter = try store.changeCounter()
            let summaries = try store.listConversations(includeArchived: includeArchived, limit: Self.listLimit)
            watch.withLock {
                $0.lastCounter = counter
                $0.listedArchived = includeArchived
                $0.listedAt = Date()
            }
            queue.post(
                .browser(
                    .listLoaded(
                        ConversationListing(
                            summaries: summaries, loadedAt: Date(), changeCounter: counter,
                            includesArchived: includeArchived, timeZone: timeZone))))
        } catch {
            logger.error("listing conversations failed: \(error)")
            queue.post(.browser(.failed("Could not list conversations: \(error)")))
        }
    }

    /// True when the list last posted is what a reload would read: same store state, same
    /// archived filter, read within the last minute (so relative times are still right).
    func listIsCurrent() -> Bool {
        guard let counter = try? store.changeCounter() else { return false }
        return watch.withLock { state in
            state.lastCounter == counter && state.listedArchived == state.includeArchived
                && Date().timeIntervalSince(state.listedAt) < 60
        }
    }

    /// Polls the store's change counter every `interval` seconds and reloads the list when another
    /// process changed the store. Runs until the process ends.
    public func watchForChanges(interval: Double = 1) {
        let start = watch.withLock { state -> Bool in
            defer { state.watching = true }
            return !state.watching
        }
        guard start else { return }
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: interval)
                guard let counter = try? store.changeCounter() else { continue }
                let changed = watch.withLock { $0.lastCounter != nil && $0.lastCounter != counter }
                if changed { writes.async { self.postList() } }
            }
        }
    }

    func search(_ query: String, generation: Int, includeArchived: Bool) {
        do {
            let hits = try store.search(query, limit: Self.searchLimit, includeArchived: includeArchived)
            queue.post(.browser(.searchResults(generation: generation, hits: hits)))
        } catch {
            queue.post(.browser(.searchFailed(generation: generation, message: "Search failed: \(error)")))
        }
    }

    func perform(_ effect: BrowserEffect) {
        do {
            switch effect {
            case .rename(let id, let title):
                let clean = Sanitizer.sanitizeLine(title).trimmingCharacters(in: .whitespaces)
                try store.rename(id, to: clean)
                queue.post(.browser(.completed("Renamed to “\(clean)”")))
            case .setPinned(let id, let pinned):
                try store.setPinned(id, pinned)
                queue.post(.browser(.completed(pinned ? "Pinned" : "Unpinned")))
            case .setArchived(let id, let archived):
                try store.setArchived(id, archived)
                queue.post(
                    .browser(.completed(archived ? "Archived — press A to show archived conversations" : "Unarchived")))
            case .delete(let id):
                queue.post(.browser(.deleted(try store.delete(id))))
            case .restore(let deleted):
                try store.restore(deleted)
                let title = deleted.conversation.title.isEmpty ? "Untitled" : deleted.conversation.title
                queue.post(.browser(.completed("Restored “\(Sanitizer.sanitizeLine(title))”")))
            case .export(let id, let format):
                let url = try export(id, format: format)
                queue.post(.browser(.completed("Exported to \(url.path)")))
            case .loadList, .search, .loadPreview:
                break
            }
        } catch {
            logger.error("browser action failed: \(error)")
            queue.post(.browser(.failed("\(error)")))
        }
    }
}
