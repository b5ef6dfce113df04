import Foundation
import PonderCore
import Synchronization

/// `ponder ask`'s observer of its one turn: prints every event as it is decoded, stops the turn on
/// Ctrl-C or when standard output closes, and ends the output with how the turn ended. The turn
/// itself (saving, streaming into the store, the final status) is the `TurnRunner`'s.
final class AskSession: TurnObserver {
    private struct State {
        var printer: AskPrinter
        var outputClosed = false
        var printedText = false
        /// Whether the answer had text other than white space (a budget spent thinking leaves none).
        var answered = false
    }

    private let state: Mutex<State>

    init(printer: AskPrinter) {
        state = Mutex(State(printer: printer))
    }

    /// Runs the turn to its end; the stored answer is final on return.
    func run(_ turn: PreparedTurn, runner: TurnRunner, provider: TurnProvider) async -> AskOutcome {
        let task = Task { await runner.run(turn, provider: provider, observer: self) }
        let interrupt = InterruptSignal { task.cancel() }
        let end = await task.value
        interrupt.cancel()
        return state.withLock { state in
            let outcome = AskOutcome(end, outputClosed: state.outputClosed, answered: state.answered)
            state.printer.finish(
                outcome, status: end.status, conversationID: turn.isSaved ? turn.conversation.id : nil,
                messageID: turn.isSaved ? end.answerID : nil)
            return outcome
        }
    }

    func turnReceived(_ event: ChatStreamEvent) -> Bool {
        state.withLock { state in
            if StartupTrace.isEnabled && !state.printedText { state.printedText = Self.traceFirstOutput(event) }
            guard !state.outputClosed else { return false }
            let written: Bool
            switch event {
            case .reasoning(let text): written = state.printer.reasoning(text)
            case .answer(let text):
                state.answered = state.answered || text.contains { !$0.isWhitespace }
                written = state.printer.answer(text)
            case .usage(let usage):
                state.printer.usage = usage
                written = true
            case .timings, .phase: written = true
            }
            state.outputClosed = !written
            return written
        }
    }

    func turnNotice(_ notice: TurnNotice) {
        switch notice {
        case .saveFailed(let error): printError("ponder: could not save the answer: \(error.message)")
        case .answeredAsNewVersion: printError("ponder: " + TurnNotice.answeredAsNewVersionText)
        case .engineStarting, .engineStarted: break
        }
    }

    /// Traces the stream's phases up to the first text; true once that text is here (it is printed
    /// right after this call).
    private static func traceFirstOutput(_ event: ChatStreamEvent) -> Bool {
        switch event {
        case .reasoning, .answer:
            StartupTrace.mark("first text received")
            return true
        case .phase(let phase):
            StartupTrace.mark("stream phase \(phase)")
        case .usage, .timings:
            break
        }
        return false
    }
}
