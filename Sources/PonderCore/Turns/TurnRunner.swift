import Foundation
import Synchronization

/// Starts turns and streams them into the store: the one way both the full-screen app and
/// `ponder ask` ask a question. `prepare` reads the branch and saves the turn in one transaction;
/// `run` streams the answer, writes it as it arrives, stores its final status and error text, and
/// reports each step to the observer. Cancelling the task that awaits `run` stops the request and
/// keeps what arrived.
public final class TurnRunner: Sendable {
    /// The store turns are read from and saved to; nil when nothing is read or saved.
    public let store: ConversationStore?
    public let client: ChatClient
    /// False for `ask --no-save`: history may be read, nothing is written.
    public let savesTurns: Bool
    /// Providers (by name) found during this run to have no prefix-completion endpoint: their
    /// continuations are answered as new versions without trying it again.
    let providersWithoutPrefixCompletion = Mutex<Set<String>>([])

    public init(store: ConversationStore?, client: ChatClient, savesTurns: Bool = true) {
        self.store = store
        self.client = client
        self.savesTurns = savesTurns && store != nil
    }

    /// Streams a prepared turn to its end and returns how it ended (also told to the observer last).
    @discardableResult
    public func run(_ turn: PreparedTurn, provider: TurnProvider, observer: some TurnObserver) async -> TurnEnd {
        let writer =
            turn.isSaved
            ? store.map { store in
                StreamingMessageWriter(
                    store: store, message: turn.answer, rowWritten: true,
                    onError: { observer.turnNotice(.saveFailed($0)) },
                    timer: { [client] in client.afterDelay($0, $1) })
            } : nil
        observer.turnStarted(turn)
        let phase: RequestPhase
        do {
            let settings = try await provider.settings { observer.turnNotice($0) }
            phase = await stream(turn.request(settings: settings), into: writer, observer: observer)
        } catch {
            phase = Task.isCancelled ? .cancelled : .failed(Self.chatError(error))
        }
        if let again = await answerAgainWithoutPrefixCompletion(
            turn, endedIn: phase, provider: provider, writer: writer)
        {
            observer.turnNotice(.answeredAsNewVersion(kept: again.kept))
            return await run(again.turn, provider: provider, observer: observer)
        }
        let status = MessageStatus(endingIn: phase)
        var errorText: String?
        if case .failed(let error) = phase { errorText = Sanitizer.sanitize(await provider.explain(error)) }
        var finishReason: FinishReason?
        if case .finished(let reason) = phase { finishReason = reason }
        await writer?.finish(status: status, errorText: errorText, finishReason: finishReason)
        // A final write that failed (a full disk) leaves the answer marked failed with what is missing.
        let saveFailure = writer?.saveFailure
        let end = TurnEnd(
            conversationID: turn.conversation.id, answerID: turn.answer.id,
            status: saveFailure != nil && status == .complete ? .failed : status, errorText: errorText,
            phase: phase, saveFailure: saveFailure, unsavedCharacters: writer?.unsavedCharacters ?? 0)
        observer.turnEnded(end)
        return end
    }

    /// Runs the request in a task of its own, which the observer can stop and whose cancellation
    /// follows the caller's.
    private func stream(
        _ request: ChatRequest, into writer: StreamingMessageWriter?, observer: some TurnObserver
    ) async -> RequestPhase {
        let client = client
        // Events arrive on the connection's event loop, outside the task: an observer that stops the
        // turn cancels the task through this handle.
        let handle = TaskHandle()
        let task = Task {
            await client.run(
                request,
                emit: { event in
                    writer?.record(event)
                    if !observer.turnReceived(event) { handle.cancel() }
                }, record: { writer?.record($0) })
        }
        handle.set(task)
        return await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// A failure before the request went out (a key command, the local engine) as a `ChatError`.
    private static func chatError(_ error: any Error) -> ChatError {
        error as? ChatError ?? ChatError(kind: .configuration, message: String(describing: error))
    }
}

/// The task a turn's request runs in, cancellable from any thread, even before the task is known.
private final class TaskHandle: Sendable {
    private let state = Mutex<(task: Task<RequestPhase, Never>?, cancelled: Bool)>((nil, false))

    func set(_ task: Task<RequestPhase, Never>) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }
}

extension MessageStatus {
    /// The status an answer is stored with when its request ended in `phase`: a stream cut off after
    /// it started is `interrupted` (it can be continued), other failures `failed`.
    public init(endingIn phase: RequestPhase) {
        switch phase {
        case .finished: self = .complete
        case .cancelled: self = .cancelled
        case .failed(let error): self = error.kind == .interrupted ? .interrupted : .failed
        case .connecting, .queued, .thinking, .answering, .retrying: self = .interrupted
        }
    }
}
