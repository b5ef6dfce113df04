import Foundation
import NIOHTTP1
import Synchronization

/// Decodes one response where its parts arrive, on the connection's event loop: the head's status, then
/// every body part through `ResponseStreamDecoder` into the request's `RequestStateMachine`, whose
/// actions go straight to the sink. No part crosses to another thread, so a token costs a read and its
/// parsing, not a hand-off and a task wake-up; the task that sent the request waits only for the end.
///
/// The state machine is lent to the reader for one attempt (`init`) and taken back once the response
/// ended (`withState`). A lock guards the state although the event loop calls in order: the task that
/// awaits the end reads it from another thread.
final class ResponseBodyReader: Sendable {
    struct State: Sendable {
        var machine: RequestStateMachine
        var decoder: ResponseStreamDecoder
        /// The status and `Retry-After` of a response that is not 2xx, and its body so far.
        var refusal: (status: Int, retryAfter: Double?, body: [UInt8])?
        var responseStarted = false
        /// Set once the request was stopped or reached its end: later parts are not read.
        var stopped = false
        /// Reused for the deltas of each body part.
        var deltas: [StreamDelta] = []
    }

    private let state: Mutex<State>
    private let perform: @Sendable ([RequestStateMachine.Action]) -> Void

    init(
        machine: RequestStateMachine, decoder: ResponseStreamDecoder,
        perform: @escaping @Sendable ([RequestStateMachine.Action]) -> Void
    ) {
        state = Mutex(State(machine: machine, decoder: decoder))
        self.perform = perform
    }

    /// The response head arrived.
    func head(_ head: HTTPResponseHead) {
        let actions = state.withLock { state -> [RequestStateMachine.Action] in
            if state.stopped { return [] }
            state.responseStarted = true
            let status = Int(head.status.code)
            if !(200..<300).contains(status) {
                let retryAfter = head.headers.first(name: "retry-after").flatMap {
                    RetryAfter.seconds($0, now: Date())
                }
                state.refusal = (status, retryAfter, [])
            }
            return state.machine.responseStarted(at: Date())
        }
        perform(actions)
    }

    /// One part of the body. Returns true when the request reached its end with it (a terminal event
    /// in the body): the caller stops the response.
    func body(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let (actions, ended) = state.withLock { state -> ([RequestStateMachine.Action], Bool) in
            if state.stopped { return ([], false) }
            if var refusal = state.refusal {
                let room = ChatClient.errorBodyLimit - refusal.body.count
                if room > 0 { refusal.body += bytes.prefix(room) }
                state.refusal = refusal
                return ([], false)
            }
            state.deltas.removeAll(keepingCapacity: true)
            state.decoder.feed(bytes, into: &state.deltas)
            if state.deltas.isEmpty { return ([], false) }
            let actions = state.machine.received(state.deltas, at: Date())
            if state.machine.state.isTerminal { state.stopped = true }
            return (actions, state.stopped)
        }
        perform(actions)
        return ended
    }

    /// Reads no further parts (the request was cancelled).
    func stop() {
        state.withLock { $0.stopped = true }
    }

    /// The state after the response ended, to finish the attempt with; `body` changes the state there.
    func withState<Result: Sendable>(_ body: (inout State) -> Result) -> Result {
        state.withLock { state in
            state.stopped = true
            return body(&state)
        }
    }
}
