import Foundation
import PonderCore
import Synchronization

/// Reports one turn to the loop as events. Its stream's deltas are merged into few `streamUpdated`
/// events: the first delta after a post schedules the next post `interval` later, so the loop gets
/// at most 15 updates a second however fast tokens arrive — smooth for reading (text moves every
/// 66 ms, under the tenth of a second that reads as a delay), and a quarter of the drawing of 60 (keys
/// are still echoed at once; docs/decisions.md says what each rate costs). Posting happens under the
/// lock, so updates stay in order and the end comes after the last of them. No clock is read per
/// token: an update is stamped when it is posted.
final class DeltaBatcher: TurnObserver {
    private let queue: EventQueue
    /// The answer being filled: a continuation answered as a new version moves to the new one.
    private let messageID: Mutex<MessageID>
    private let interval: Duration
    private let schedule: OneShotTimer
    private let pending: Mutex<(update: StreamUpdate?, scheduled: Bool)>
    /// Told the answer's id each time a turn starts (again, when it is answered as a new version).
    private let onStart: @Sendable (MessageID) -> Void

    /// The notice shown while the local engine starts.
    static let engineStarting = "starting local model…"

    /// - Parameters:
    ///   - schedule: the timer of the next post; the chat client's `afterDelay` runs it on the event
    ///     loop that reads the stream, so no other thread wakes.
    ///   - onStart: told the answer's id each time a turn starts.
    init(
        queue: EventQueue, messageID: MessageID, interval: Duration = .milliseconds(66),
        schedule: @escaping OneShotTimer,
        onStart: @escaping @Sendable (MessageID) -> Void
    ) {
        self.queue = queue
        self.messageID = Mutex(messageID)
        self.interval = interval
        self.schedule = schedule
        self.onStart = onStart
        pending = Mutex((nil, false))
    }

    func turnStarted(_ turn: PreparedTurn) {
        messageID.withLock { $0 = turn.answer.id }
        onStart(turn.answer.id)
        queue.post(.streamStarted(conversation: turn.conversation, user: turn.question, assistant: turn.answer))
    }

    func turnReceived(_ event: ChatStreamEvent) -> Bool {
        add(event)
        return true
    }

    func turnNotice(_ notice: TurnNotice) {
        switch notice {
        case .engineStarting:
            queue.post(.notice(Self.engineStarting))
        case .engineStarted:
            queue.post(.noticeEnded(Self.engineStarting))
        case .saveFailed(let error):
            queue.post(
                .notice("Could not save the answer yet (kept in memory): \(Sanitizer.sanitizeLine("\(error)"))"))
        case .answeredAsNewVersion(let kept):
            pending.withLock { pending in
                post(&pending)
                queue.post(.streamSetAside(kept, notice: TurnNotice.answeredAsNewVersionText))
            }
        }
    }

    func turnEnded(_ end: TurnEnd) {
        pending.withLock { pending in
            post(&pending)
            queue.post(.streamEnded(end))
        }
    }

    /// Adds one stream event to the pending update.
    func add(_ event: ChatStreamEvent) {
        let scheduleNext = pending.withLock { pending -> Bool in
            var update = pending.update ?? StreamUpdate(messageID: messageID.withLock { $0 })
            // Held only here while it grows, so an append does not copy the text gathered so far.
            pending.update = nil
            switch event {
            case .reasoning(let text):
                update.reasoning += text
                update.reasoningChunks += 1
            case .answer(let text):
                update.answer += text
                update.answerChunks += 1
            case .usage(let usage):
                update.usage = usage
            case .timings(let timings):
                update.timings = timings
            case .phase(let phase):
                update.phase = phase
            }
            pending.update = update
            guard !pending.scheduled else { return false }
            pending.scheduled = true
            return true
        }
        if scheduleNext {
            // A timer, not a task that sleeps: no task to create and schedule per update.
            schedule(interval) { self.flush() }
        }
    }

    /// Posts what is pending now.
    func flush() {
        pending.withLock { post(&$0) }
    }

    private func post(_ pending: inout (update: StreamUpdate?, scheduled: Bool)) {
        pending.scheduled = false
        guard var update = pending.update, !update.isEmpty else { return }
        pending.update = nil
        update.at = Date()
        queue.post(.streamUpdated(update))
    }
}
