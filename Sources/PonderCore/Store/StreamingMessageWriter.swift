import Dispatch
import Foundation
import Synchronization

/// Buffers the deltas of one streaming assistant message and writes them to the store on its own
/// queue: the first write at once unless the caller stored the row already (either way the row
/// exists from the moment the request is sent), then
/// at most once per `flushInterval`, and immediately on every status change. Appending is a lock
/// and a string append, cheap enough to call once per token. If a write fails (disk full), the
/// message stays whole in memory, `onError` is told once, and the next flush writes it all. The
/// writer never writes the fold state: the reader may fold or unfold the reasoning while it streams.
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
        /// Why the last write failed (nil once a write succeeds).
        var failure: StoreError?
        var flushCount = 0
        /// The row has been written in full once; later flushes append deltas.
        var rowWritten = false
        /// How much of the reasoning and answer (in UTF-8 bytes) is already in the database.
        var persistedReasoningBytes = 0
        var persistedAnswerBytes = 0
        /// Usage or timings changed since the last write.
        var headerDirty = false

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
    private let timer: OneShotTimer?

    /// `rowWritten`: the caller has already stored `message` as it is (with `saveTurn`), so the
    /// first write is skipped and later flushes only append what arrives. `timer` waits out the
    /// interval before a flush is queued (the writes always run on the writer's own queue); the chat
    /// client's `afterDelay` waits on the event loop that delivers the deltas, so no timer thread wakes.
    /// Without one, the writer's queue waits.
    public init(
        store: ConversationStore, message: Message, flushInterval: Duration = .milliseconds(150),
        rowWritten: Bool = false, onError: @escaping @Sendable (StoreError) -> Void = { _ in },
        timer: OneShotTimer? = nil
    ) {
        self.store = store
        self.flushInterval = flushInterval
        self.onError = onError
        self.timer = timer
        if rowWritten {
            self.state = Mutex(State(message: message, dirty: false, rowWritten: true))
        } else {
            self.state = Mutex(State(message: message, flushQueued: true))
            queue.async { self.flush() }
        }
    }

    /// Everything received so far, written or not.
    public var message: Message { state.withLock { $0.message } }

    /// How many writes have succeeded (for tests and benchmarks).
    public var completedFlushes: Int { state.withLock { $0.flushCount } }

    /// Why the latest write failed, or nil when it succeeded: after `finish`, non-nil means the
    /// stored message lacks `unsavedCharacters` characters of what arrived.
    public var saveFailure: StoreError? { state.withLock { $0.failure } }

    /// Characters of reasoning and answer that arrived but are not in the database.
    public var unsavedCharacters: Int {
        state.withLock { state in
            Self.suffix(of: state.message.reasoning, droppingBytes: state.persistedReasoningBytes).count
                + Self.suffix(of: state.message.answer, droppingBytes: state.persistedAnswerBytes).count
        }
    }

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

    /// Feeds one stream event to the message: text is appended, usage and timings replace what was
    /// there (the request's state machine reports running totals). Phases are not stored here; the
    /// turn's end sets the final status.
    public func record(_ event: ChatStreamEvent) {
        switch event {
        case .reasoning(let text): appendReasoning(text)
        case .answer(let text): appendAnswer(text)
        case .usage(let usage): update(usage: usage)
        case .timings(let timings): update(timings: timings)
        case .phase: break
        }
    }

    /// Replaces the usage (the running total of the request).
    public func update(usage: TokenUsage) {
        let delay = state.withLock { state -> Duration? in
            state.message.usage = usage
            state.headerDirty = true
            return state.markDirty(interval: flushInterval)
        }
        if let delay { scheduleFlush(after: delay) }
    }

    public func update(timings: ResponseTimings) {
        let delay = state.withLock { state -> Duration? in
            state.message.timings = timings
            state.headerDirty = true
            return state.markDirty(interval: flushInterval)
        }
        if let delay { scheduleFlush(after: delay) }
    }

    /// Keeps the provider's own record of the reasoning with the message; it is written with the
    /// final status.
    public func record(_ reasoning: ProviderReasoning) {
        state.withLock { $0.message.providerReasoning = reasoning }
    }

    /// Changes the status (and error text, and why the provider ended it) and writes at once, without
    /// waiting for the write.
    public func setStatus(_ status: MessageStatus, errorText: String?, finishReason: FinishReason? = nil) {
        state.withLock { state in
            state.message.status = status
            state.message.errorText = errorText
            state.message.finishReason = finishReason
            state.dirty = true
        }
        queue.async { self.flush() }
    }

    /// Sets the final status and returns once everything is written (or the write failed and
    /// `onError` was told; the text is still in `message`).
    public func finish(status: MessageStatus, errorText: String?, finishReason: FinishReason? = nil) async {
        setStatus(status, errorText: errorText, finishReason: finishReason)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }

    /// Writes whatever is pending now and returns when the write is done (before quitting, or to
    /// measure a flush).
    public func flushNow() async {
        state.withLock { $0.flushQueued = true }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.flush()
                continuation.resume()
            }
        }
    }

    private func scheduleFlush(after delay: Duration) {
        if delay <= .zero {
            queue.async { self.flush() }
        } else if let timer {
            timer(delay) { self.queue.async { self.flush() } }
        } else {
            queue.asyncAfter(deadline: .now() + .nanoseconds(Int(delay.nanoseconds))) { self.flush() }
        }
    }

    /// What one flush writes.
    private enum Flush {
        /// The whole message (first write, or a status change): folds in the deltas.
        case full(Message)
        /// Only the text that arrived since the last write, and the small fields if they changed.
        case delta(id: MessageID, reasoning: String, answer: String, header: Message?)
    }

    /// Runs on `queue`: writes what changed since the last successful write, in one transaction.
    private func flush() {
        let planned = state.withLock { state -> (Flush, Message)? in
            state.flushQueued = false
            guard state.dirty else { return nil }
            state.dirty = false
            state.lastFlush = .now()
            let message = state.message
            if !state.rowWritten || message.status != .streaming {
                state.headerDirty = false
                return (.full(message), message)
            }
            let header = state.headerDirty ? message : nil
            state.headerDirty = false
            let reasoning = Self.suffix(of: message.reasoning, droppingBytes: state.persistedReasoningBytes)
            let answer = Self.suffix(of: message.answer, droppingBytes: state.persistedAnswerBytes)
            return (.delta(id: message.id, reasoning: reasoning, answer: answer, header: header), message)
        }
        guard let (flush, snapshot) = planned else { return }
        do {
            switch flush {
            case .full(let message):
                try store.save(message, writer: .current, keepingFold: true)
            case .delta(let id, let reasoning, let answer, let header):
                try store.appendStreamingDeltas(to: id, reasoning: reasoning, answer: answer, header: header)
            }
            state.withLock { state in
                state.failing = false
                state.failure = nil
                state.flushCount += 1
                state.rowWritten = true
                state.persistedReasoningBytes = snapshot.reasoning.utf8.count
                state.persistedAnswerBytes = snapshot.answer.utf8.count
            }
        } catch {
            let storeError = StoreError.translating(error, file: store.fileURL)
            let (report, delay) = state.withLock { state -> (Bool, Duration?) in
                state.dirty = true
                state.headerDirty = true
                state.failure = storeError
                let report = !state.failing
                state.failing = true
                // Retry after an interval even if no further delta arrives.
                return (report, state.markDirty(interval: flushInterval))
            }
            if report { onError(storeError) }
            if snapshot.status != .streaming { markUnsaved(snapshot, because: storeError) }
            if let delay { scheduleFlush(after: delay) }
        }
    }

    /// The final write failed: the row must not stay `streaming`. Its status and error text alone
    /// are a write small enough to succeed on a full disk; the text saved so far stays with it.
    private func markUnsaved(_ message: Message, because error: StoreError) {
        let missing = unsavedCharacters
        let cause = error.kind == .diskFull ? "the disk was full" : "the database could not be written"
        var text =
            "Only part of this answer was saved: \(cause), and \(missing) characters that arrived are missing here."
        if let reason = message.errorText { text += " " + reason }
        try? store.markUnsaved(
            message.id, status: message.status == .complete ? .failed : message.status, errorText: text)
    }

    /// The text after its first `count` UTF-8 bytes; `count` is always the length of an earlier
    /// version of the same growing string, hence a scalar boundary.
    private static func suffix(of text: String, droppingBytes count: Int) -> String {
        String(Substring(text.utf8.dropFirst(count)))
    }
}
