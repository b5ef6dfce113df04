import Dispatch
import Foundation
import Synchronization

/// Buffers the deltas of one streaming assistant message and writes them to the store on its own
/// queue: the first write at once (so the row exists from the moment the request is sent), then
/// at most once per `flushInterval`, and immediately on every status change. Appending is a lock
/// and a string append, cheap enough to call once per token. If a write fails (disk full), the
/// message stays whole in memory, `onError` is told once, and the next flush writes it all.
public final class StreamingMessageWriter: Sendable {
    private struct State {
        var message: Message
        /// Changes not yet written.
        var dirty = true
        /// A flush is queued; appends need not queue another.
        var flushQueued = false
        var lastFlush: DispatchTime?
        /// The last write failed and `onError` was told; stays quiet until a write succeeds.
        var failing = false
        var flushCount = 0

        /// Records a change; returns the delay after which a flush must be queued, or nil if one
        /// already is.
        mutating func markDirty(interval: Duration) -> Duration? {
            dirty = true
            guard !flushQueued else { return nil }
            flushQueued = true
            guard let lastFlush else { return .zero }
            let elapsed = DispatchTime.now().uptimeNanoseconds - lastFlush.uptimeNanoseconds
            return interval - .nanoseconds(Int64(elapsed))
        }
    }

    private let store: ConversationStore
    private let flushInterval: Duration
    private let onError: @Sendable (StoreError) -> Void
    private let queue = DispatchQueue(label: "ponder.store.streaming-writer", qos: .utility)
    private let state: Mutex<State>

    public init(
        store: ConversationStore, message: Message, flushInterval: Duration = .milliseconds(250),
        onError: @escaping @Sendable (StoreError) -> Void = { _ in }
    ) {
        self.store = store
        self.flushInterval = flushInterval
        self.onError = onError
        self.state = Mutex(State(message: message, flushQueued: true))
        queue.async { self.flush() }
    }

    /// Everything received so far, written or not.
    public var message: Message { state.withLock { $0.message } }

    /// How many writes have succeeded (for tests and benchmarks).
    public var completedFlushes: Int { state.withLock { $0.flushCount } }

    public func appendReasoning(_ text: String) {
        let delay = state.withLock { state -> Duration? in
            state.message.reasoning += text
            return state.markDirty(interval: flushInterval)
        }
        if let delay { scheduleFlush(after: delay) }
    }

    public func appendAnswer(_ text: String) {
        let delay = state.withLock { state -> Duration? in
            state.message.answer += text
            return state.markDirty(interval: flushInterval)
        }
        if let delay { scheduleFlush(after: delay) }
    }

    public func update(usage: TokenUsage) {
        let delay = state.withLock { state -> Duration? in
            state.message.usage.merge(usage)
            return state.markDirty(interval: flushInterval)
        }
        if let delay { scheduleFlush(after: delay) }
    }

    public func update(timings: ResponseTimings) {
        let delay = state.withLock { state -> Duration? in
            state.message.timings = timings
            return state.markDirty(interval: flushInterval)
        }
        if let delay { scheduleFlush(after: delay) }
    }

    /// Changes the status (and error text) and writes at once, without waiting for the write.
    public func setStatus(_ status: MessageStatus, errorText: String?) {
        state.withLock { state in
            state.message.status = status
            state.message.errorText = errorText
            state.dirty = true
        }
        queue.async { self.flush() }
    }

    /// Sets the final status and returns once everything is written (or the write failed and
    /// `onError` was told; the text is still in `message`).
    public func finish(status: MessageStatus, errorText: String?) async {
        setStatus(status, errorText: errorText)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }

    private func scheduleFlush(after delay: Duration) {
        if delay <= .zero {
            queue.async { self.flush() }
        } else {
            let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
            queue.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { self.flush() }
        }
    }

    /// Runs on `queue`: writes the whole message as it is now, in one transaction.
    private func flush() {
        let snapshot = state.withLock { state -> Message? in
            state.flushQueued = false
            guard state.dirty else { return nil }
            state.dirty = false
            state.lastFlush = .now()
            return state.message
        }
        guard let snapshot else { return }
        do {
            try store.save(snapshot, writer: .current)
            state.withLock { state in
                state.failing = false
                state.flushCount += 1
            }
        } catch {
            let storeError = StoreError.translating(error, file: store.fileURL)
            let (report, delay) = state.withLock { state -> (Bool, Duration?) in
                state.dirty = true
                let report = !state.failing
                state.failing = true
                // Retry after an interval even if no further delta arrives.
                return (report, state.markDirty(interval: flushInterval))
            }
            if report { onError(storeError) }
            if let delay { scheduleFlush(after: delay) }
        }
    }
}
