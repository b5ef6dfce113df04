import Foundation
import PonderCore

/// The browser's effects against the store, each answered by a `BrowserEvent`. They run in order on
/// the worker's queue; a search that a newer one replaced before it started is skipped (the reducer
/// would drop its results anyway).
extension StoreWorker {
    func handle(_ effect: BrowserEffect) {
        switch effect {
        case .loadList(let includeArchived):
            watch.withLock { $0.includeArchived = includeArchived }
            work.async { if !self.listIsCurrent() { self.postList() } }
        case .search(let query, let generation, let includeArchived):
            // The search asked for last is the newest, whatever its number: a browser opened again
            // numbers its searches from 1, below those of the one before.
            watch.withLock { $0.latestSearch = generation }
            work.async {
                guard self.watch.withLock({ $0.latestSearch == generation }) else { return }
                self.search(query, generation: generation, includeArchived: includeArchived)
            }
        case .loadPreview(let id):
            work.async {
                do {
                    self.queue.post(.browser(.previewLoaded(id, try self.store.messages(in: id))))
                } catch {
                    self.queue.post(.browser(.failed("Could not read the conversation: \(error)")))
                }
            }
        case .loadEffort(let ids):
            work.async {
                do {
                    self.queue.post(.browser(.effortLoaded(try self.store.effort(of: ids))))
                } catch {
                    self.logger.error("reading the thinking figures failed: \(error)")
                }
            }
        case .rename(let id, let title):
            change {
                let clean = Sanitizer.sanitizeLine(title).trimmingCharacters(in: .whitespaces)
                try $0.store.rename(id, to: clean)
                return "Renamed to “\(clean)”"
            }
        case .setPinned(let id, let pinned):
            change {
                try $0.store.setPinned(id, pinned)
                return pinned ? "Pinned" : "Unpinned"
            }
        case .setArchived(let id, let archived):
            change {
                try $0.store.setArchived(id, archived)
                return archived ? "Archived — press A to show archived conversations" : "Unarchived"
            }
        case .delete(let id):
            change {
                $0.queue.post(.browser(.deleted(try $0.store.delete(id))))
                return nil
            }
        case .restore(let deleted):
            change {
                try $0.store.restore(deleted)
                let title = deleted.conversation.title.isEmpty ? "Untitled" : deleted.conversation.title
                return "Restored “\(Sanitizer.sanitizeLine(title))”"
            }
        case .export(let id, let format):
            change { "Exported to \(try $0.export(id, format: format).path)" }
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

    /// Runs a change on the work queue, says what it did in the status bar (or why it failed; nothing
    /// was changed then) and posts the list as it is now.
    private func change(_ body: @escaping @Sendable (StoreWorker) throws -> String?) {
        work.async {
            do {
                if let done = try body(self) { self.queue.post(.browser(.completed(done))) }
            } catch {
                self.logger.error("browser action failed: \(error)")
                self.queue.post(.browser(.failed("\(error)")))
            }
            self.postList()
        }
    }
}
