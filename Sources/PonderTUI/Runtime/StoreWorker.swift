import Dispatch
import Foundation
import Logging
import PonderCore
import Synchronization

/// The store work the reducer asks for, done off the loop thread on one serial queue, in the order
/// asked: opening a conversation, fold states, the earlier prompts, the conversation list and every
/// browser effect (`StoreWorker+Browser.swift`). Results come back as events on the queue. It also
/// polls the store's change counter, so writes by another Ponder process (or by a finished answer)
/// refresh the list. The app has one `ConversationStore` (one database pool): this worker's, which
/// the chat runtime's turns share.
public final class StoreWorker: Sendable {
    /// Conversations listed at most (the list is read whole; ten thousand take milliseconds).
    public static let listLimit = 100_000
    /// Hits asked for per search (a screenful several times over).
    public static let searchLimit = 60
    /// Characters of context shown before and after a match when a conversation opens at a search hit.
    static let openContext = (before: 16, after: 48)

    public let store: ConversationStore
    let queue: EventQueue
    let exportDirectories: [URL]
    let timeZone: LocalTimeZone
    let work = DispatchQueue(label: "ponder.store", qos: .userInitiated)
    let logger = Logger(label: "ponder.store")
    struct Watch {
        var includeArchived = false
        var lastCounter: Int?
        var listedArchived: Bool?
        var listedAt = Date.distantPast
        /// The newest search asked for; older ones still queued are skipped.
        var latestSearch = 0
    }
    let watch = Mutex(Watch())
    /// Whether the change counter is polled (from `start` until `stop`).
    private let watching = Mutex(false)
    /// The watch on the store's files while watching (nil where the counter is polled instead).
    private let fileWatcher = Mutex<StoreFileWatcher?>(nil)
    /// A counter check is already scheduled after a write.
    private let checkQueued = Mutex(false)

    /// `exportDirectories` are tried in order; the first that can be written to receives exports.
    public init(
        store: ConversationStore, queue: EventQueue, exportDirectories: [URL], timeZone: LocalTimeZone = .system
    ) {
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

    /// Loads what the first screen does not wait for (earlier prompts, the whole list) and starts
    /// watching the store for changes: a write to its files by any process asks for a check of the
    /// change counter `interval` seconds later (writes in between join that check), so an idle app
    /// runs no timer. Where the kernel gives no file watch, the counter is polled every `interval`.
    public func start(watchingEvery interval: Double = 1) {
        work.async {
            if let prompts = try? self.store.recentPrompts() { self.queue.post(.promptsLoaded(prompts)) }
            self.postList()
        }
        watching.withLock { $0 = true }
        if let file = store.fileURL,
            let watcher = StoreFileWatcher(databaseFile: file, queue: work, onChange: { [self] in checkSoon(interval) })
        {
            fileWatcher.withLock { $0 = watcher }
        } else {
            watchAgain(after: interval)
        }
    }

    /// Stops watching the store and waits for the work asked so far.
    public func stop() {
        watching.withLock { $0 = false }
        fileWatcher.withLock {
            $0?.stop()
            $0 = nil
        }
        work.sync {}
    }

    /// Reads a conversation and opens it; at a search hit, the status bar quotes the matched text.
    func open(_ id: ConversationID, focus: SearchFocus?) {
        work.async { [self] in
            do {
                guard let conversation = try store.conversation(id) else {
                    queue.post(.notice("That conversation is no longer in the history"))
                    return
                }
                let messages = try store.messages(in: id)
                queue.post(.conversationOpened(conversation, messages))
                if let focus { queue.post(.browser(.completed(Self.openedText(conversation, messages, focus)))) }
            } catch {
                queue.post(.notice("Could not open the conversation: \(Sanitizer.sanitizeLine("\(error)"))"))
            }
        }
    }

    /// Stores whether a message's reasoning is folded.
    func setReasoningFolded(_ id: MessageID, _ folded: Bool) {
        work.async { [self] in
            do {
                try store.setReasoningFolded(id, folded)
            } catch {
                queue.post(.notice("Could not save the fold state: \(Sanitizer.sanitizeLine("\(error)"))"))
            }
        }
    }

    /// Reads the list now and posts it. Runs on the work queue.
    func postList() {
        let includeArchived = watch.withLock { $0.includeArchived }
        do {
            let counter = try store.changeCounter()
            let summaries = try store.listConversations(includeArchived: includeArchived, limit: Self.listLimit)
            let now = Date()
            watch.withLock {
                $0.lastCounter = counter
                $0.listedArchived = includeArchived
                $0.listedAt = now
            }
            queue.post(
                .browser(
                    .listLoaded(
                        ConversationListing(
                            summaries: summaries, loadedAt: now, changeCounter: counter,
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

    /// Reloads the list, `interval` seconds from now and then again and again, when the store changed
    /// since it was read.
    private func watchAgain(after interval: Double) {
        work.asyncAfter(deadline: .now() + interval) { [self] in
            guard watching.withLock({ $0 }) else { return }
            reloadIfChanged()
            watchAgain(after: interval)
        }
    }

    /// Runs on the work queue when the store's files were written: checks the counter `interval`
    /// seconds later, unless a check is already due. The watch stays off until then, so the writes in
    /// between (a streamed answer flushes several times a second) wake nothing.
    private func checkSoon(_ interval: Double) {
        guard watching.withLock({ $0 }), !checkQueued.withLock({ $0 }) else { return }
        checkQueued.withLock { $0 = true }
        work.asyncAfter(deadline: .now() + interval) { [self] in
            checkQueued.withLock { $0 = false }
            guard watching.withLock({ $0 }) else { return }
            renewWatch(interval)
            reloadIfChanged()
        }
    }

    /// Watches the files again before the counter is read (the watch told one change and was taken
    /// off); where the kernel now refuses a watch, the counter is polled instead.
    private func renewWatch(_ interval: Double) {
        let renewed = fileWatcher.withLock { $0?.renew() ?? true }
        guard !renewed else { return }
        fileWatcher.withLock {
            $0?.stop()
            $0 = nil
        }
        watchAgain(after: interval)
    }

    /// Posts the list again when the change counter moved since it was last read.
    private func reloadIfChanged() {
        if let counter = try? store.changeCounter(),
            watch.withLock({ $0.lastCounter != nil && $0.lastCounter != counter })
        {
            postList()
        }
    }

    /// "Opened “title” at the thinking: …the match…", or "Opened “title”" when the hit's message is gone.
    static func openedText(_ conversation: Conversation, _ messages: [Message], _ focus: SearchFocus) -> String {
        let title = conversation.title.isEmpty ? "Untitled" : Sanitizer.sanitizeLine(conversation.title)
        guard let message = messages.last(where: { $0.id == focus.messageID }) else { return "Opened “\(title)”" }
        let text = focus.field == .reasoning ? message.reasoning : message.answer
        let place = focus.field == .reasoning ? "thinking" : "answer"
        return "Opened “\(title)” at the \(place): " + excerpt(of: text, at: focus.characterOffset)
    }

    /// The text around a character offset on one line, with "…" where it was cut.
    static func excerpt(of text: String, at offset: Int) -> String {
        let match = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        let start = text.index(match, offsetBy: -openContext.before, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(match, offsetBy: openContext.after, limitedBy: text.endIndex) ?? text.endIndex
        let body = Sanitizer.sanitizeLine(String(text[start..<end]))
        return (start > text.startIndex ? "…" : "") + body + (end < text.endIndex ? "…" : "")
    }
}
