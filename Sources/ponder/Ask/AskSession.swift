import Foundation
import PonderCore

/// One streamed request of `ponder ask`: feeds every event to the store writer (when saving) and the
/// printer, stops cleanly on Ctrl-C or when standard output closes, and finishes the stored message
/// with the status that matches how the stream ended.
struct AskSession: Sendable {
    var client: ChatClient
    var request: ChatRequest
    var writer: StreamingMessageWriter?
    var printer: AskPrinter

    /// Streams until the end, an error, Ctrl-C or a closed stdout; the stored message is final on return.
    func run(conversationID: ConversationID?) async -> AskOutcome {
        let task = Task { [client, request, writer, printer] in
            var printer = printer
            let outcome = await Self.consume(client.stream(request), writer: writer, printer: &printer)
            return (outcome, printer)
        }
        let interrupt = InterruptSignal { task.cancel() }
        var (outcome, printer) = await task.value
        interrupt.cancel()
        if let writer {
            await writer.finish(status: outcome.messageStatus, errorText: Self.errorText(outcome))
            if let failure = writer.saveFailure {
                outcome = .notSaved(failure, missing: writer.unsavedCharacters, streamed: outcome)
            }
        }
        printer.finish(outcome, conversationID: conversationID, messageID: writer?.message.id)
        return outcome
    }

    private static func consume(
        _ stream: AsyncStream<ChatStreamEvent>, writer: StreamingMessageWriter?, printer: inout AskPrinter
    ) async -> AskOutcome {
        var printed = false
        for await event in stream {
            if StartupTrace.isEnabled && !printed { printed = traceFirstOutput(event) }
            switch event {
            case .reasoning(let text):
                writer?.appendReasoning(text)
                if !printer.reasoning(text) { return .outputClosed }
            case .answer(let text):
                writer?.appendAnswer(text)
                if !printer.answer(text) { return .outputClosed }
            case .usage(let usage):
                writer?.update(usage: usage)
                printer.usage(usage)
            case .timings(let timings):
                writer?.update(timings: timings)
            case .phase(.finished(let reason)):
                return .finished(reason)
            case .phase(.failed(let error)):
                return .failed(error)
            case .phase(.cancelled):
                return .cancelled
            case .phase:
                continue
            }
        }
        // The stream only ends without a terminal phase when this task was cancelled (Ctrl-C).
        return .cancelled
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
        default:
            break
        }
        return false
    }

    private static func errorText(_ outcome: AskOutcome) -> String? {
        if case .failed(let error) = outcome { return error.message }
        return nil
    }
}
