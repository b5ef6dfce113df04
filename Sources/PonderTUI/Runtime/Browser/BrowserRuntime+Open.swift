import Foundation
import PonderCore

/// Opening a conversation from the browser, as far as this screen can show it: the reducer has
/// selected it (its title heads the transcript) and opened the thinking panel for a hit in
/// reasoning; this reads the matched text and shows it, marked, in the status bar.
extension BrowserRuntime {
    /// Characters of context shown before and after the match.
    static let openContext = (before: 16, after: 48)

    public func announceOpened(_ id: ConversationID, focus: SearchFocus?) {
        DispatchQueue.global().async { [self] in
            do {
                guard let conversation = try store.conversation(id) else {
                    queue.post(.browser(.failed("That conversation no longer exists.")))
                    return
                }
                let title = conversation.title.isEmpty ? "Untitled" : Sanitizer.sanitizeLine(conversation.title)
                guard let focus, let message = try store.message(focus.messageID) else {
                    queue.post(.browser(.completed("Opened “\(title)”")))
                    return
                }
                let text = focus.field == .reasoning ? message.reasoning : message.answer
                let place = focus.field == .reasoning ? "thinking" : "answer"
                queue.post(
                    .browser(
                        .completed(
                            "Opened “\(title)” at the \(place): "
                                + Self.excerpt(of: text, at: focus.characterOffset))))
            } catch {
                queue.post(.browser(.failed("Could not open the conversation: \(error)")))
            }
        }
    }

    /// The text around a character offset on one line, with "…" where it was cut.
    static func excerpt(of text: String, at offset: Int) -> String {
        let match = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        let start = text.index(match, offsetBy: -openContext.before, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(match, offsetBy: openContext.after, limitedBy: text.endIndex) ?? text.endIndex
        let body = Sanitizer.sanitizeLine(String(text[start..<end]))
        return (start > text.startIndex ? "…" : "") + body + (end < text.endIndex ? "…" : "")
    }

    /// Opens the default store and starts a runtime on it: posts the list and watches for changes.
    /// Nil (after posting a notice) when the store cannot be opened.
    public static func start(paths: XDGPaths, storeURL: URL? = nil, queue: EventQueue) -> BrowserRuntime? {
        do {
            let runtime = BrowserRuntime(
                store: try ConversationStore.open(at: storeURL ?? paths.databaseFile), queue: queue,
                exportDirectories: defaultExportDirectories(paths: paths))
            runtime.handle(.loadList(includeArchived: false))
            runtime.watchForChanges()
            return runtime
        } catch {
            queue.post(.notice("Conversation history unavailable: \(error)"))
            return nil
        }
    }
}
