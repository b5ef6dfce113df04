import Foundation
import Logging
import PonderCore

/// Saving answers whose text could not all be saved while they streamed (a full disk), when the app
/// is about to quit: the store first, then a Markdown file in the temporary directory (often another
/// file system than the data directory's), so that what is on screen is not lost with the process.
extension StoreWorker {
    func rescue(_ messages: [Message]) {
        work.async { [self] in
            queue.post(.unsavedRescued(Self.rescue(messages, store: store, directory: rescueDirectory)))
        }
    }

    /// Where unsaved answers are written when the store still refuses them.
    var rescueDirectory: URL { FileManager.default.temporaryDirectory }

    static func rescue(_ messages: [Message], store: ConversationStore, directory: URL, now: Date = Date())
        -> UnsavedRescue
    {
        let ids = messages.map(\.id)
        do {
            for message in messages { try store.save(message) }
            logger.notice("saved \(messages.count) answer(s) again that could not be saved while streaming")
            return .saved(ids)
        } catch {
            let reason = (error as? StoreError).map(Reducer.shortCause) ?? String(describing: error)
            let stamp = Int(now.timeIntervalSince1970)
            let file = directory.appendingPathComponent(
                "ponder-unsaved-\(stamp)-\(ids.first?.rawValue.prefix(8) ?? "").md")
            do {
                try Data(markdown(messages).utf8).write(to: file, options: .withoutOverwriting)
                logger.error("could not save \(ids.count) answer(s) (\(reason)); their text is in \(file.path)")
                return .written(ids, path: file.path, reason: reason)
            } catch let writeError {
                logger.error("could not save \(ids.count) answer(s) (\(reason)) nor write \(file.path): \(writeError)")
                return .failed(reason: "\(reason); writing \(file.path) failed too")
            }
        }
    }

    /// The answers as Markdown: reasoning, then the answer, each under a heading.
    static func markdown(_ messages: [Message]) -> String {
        messages.map { message in
            var text = "# Answer \(message.id.rawValue) (\(message.model ?? "unknown model"))\n\n"
            if !message.reasoning.isEmpty { text += "## Reasoning\n\n\(message.reasoning)\n\n" }
            text += "## Answer\n\n\(message.answer)\n"
            return text
        }.joined(separator: "\n")
    }

    private static let logger = Logging.Logger(label: "ponder.store")
}
