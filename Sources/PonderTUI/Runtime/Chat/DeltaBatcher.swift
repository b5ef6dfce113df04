import Foundation
import PonderCore
import Synchronization

/// Merges the deltas of one stream into few `streamUpdated` events: the first delta after a post
/// schedules the next post `interval` later, so the loop gets at most 25 updates a second
/// however fast tokens arrive — smooth for reading, and well under half the drawing of 60 (keys
/// are still echoed at once). Posting happens under the lock, so updates stay in order.
final class DeltaBatcher: Sendable {
    private let queue: EventQueue
    private let messageID: MessageID
    private let interval: Duration
    private let pending: Mutex<(update: StreamUpdate?, scheduled: Bool)>

    init(queue: EventQueue, messageID: MessageID, interval: Duration = .milliseconds(40)) {
        self.queue = queue
        self.messageID = messageID
        self.interval = interval
        pending = Mutex((nil, false))
    }

    /// Adds one stream event to the pending update.
    func add(_ event: ChatStreamEvent) {
        let schedule = pending.withLock { pending -> Bool in
            var update = pending.update ?? StreamUpdate(messageID: messageID, at: Date())
            switch event {
            case .reasoning(let text):
                update.reasoning += text
                update.reasoningChunks += 1
            case .answer(let text):
                update.answer += text
                update.answerChunks += 1
            case .usage(let usage):
                var merged = update.usage ?? TokenUsage()
                merged.merge(usage)
                update.usage = merged
            case .timings(let timings):
                update.timings = timings
            case .phase(let phase):
                update.phase = phase
            }
            update.at = Date()
            pending.update = update
            guard !pending.scheduled else { return false }
            pending.scheduled = true
            return true
        }
        if schedule {
            let interval = interval
            Task {
                try? await Task.sleep(for: interval)
                self.flush()
            }
        }
    }

    /// Posts what is pending now.
    func flush() {
        pending.withLock { pending in
            pending.scheduled = false
            guard let update = pending.update, !update.isEmpty else { return }
            pending.update = nil
            queue.post(.streamUpdated(update))
        }
    }
}
