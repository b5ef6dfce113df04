import ArgumentParser
import Foundation
import Logging
import PonderCore

/// `ponder ask [PROMPT…]`: one question, the answer streamed to stdout and saved to the store.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask one question; stream the answer to stdout and the reasoning to stderr.",
        discussion: """
            The prompt comes from the arguments, from standard input, or both (standard input is \
            appended as context). The exchange is saved like any conversation unless --no-save is \
            given. Ctrl-C stops the answer and keeps what arrived (exit 130).
            """)

    @OptionGroup var providerOptions: ProviderOptions

    @Argument(help: "The prompt; the words are joined with spaces.")
    var prompt: [String] = []

    @Flag(help: "Do not print the reasoning.")
    var hideReasoning = false

    @Flag(help: "Print only the reasoning, on stdout.")
    var reasoningOnly = false

    @Flag(help: "Print one JSON event per line: reasoning, answer, usage, error, done.")
    var json = false

    @Flag(name: .customLong("continue"), help: "Continue the most recent conversation.")
    var continueLast = false

    @OptionGroup var conversationOption: ConversationOption

    private var conversation: String? { conversationOption.id }

    @Flag(help: "Do not save the question and the answer.")
    var noSave = false

    func validate() throws {
        if hideReasoning && reasoningOnly {
            throw ValidationError("--hide-reasoning and --reasoning-only cannot be used together")
        }
        if continueLast && conversation != nil {
            throw ValidationError("--continue and --conversation cannot be used together")
        }
    }

    func run() async throws {
        // The HTTP client (and its event loop threads) starts while the config and the store are read.
        let clientTask = Task { ChatClient() }
        let result: (outcome: AskOutcome, saved: Bool)
        do {
            result = try await ask(using: clientTask)
        } catch {
            await clientTask.value.shutdown()
            throw error
        }
        await clientTask.value.shutdown()
        try Self.exit(for: result.outcome, saved: result.saved)
    }

    /// Sends the question and streams the answer; returns how it ended and whether it was saved.
    private func ask(using clientTask: Task<ChatClient, Never>) async throws -> (outcome: AskOutcome, saved: Bool) {
        let text = try AskPrompt.read(arguments: prompt)
        StartupTrace.mark("prompt read")
        let context = try CommandContext.load()
        StartupTrace.mark("config loaded")
        let provider = try context.provider(flag: providerOptions.provider, model: providerOptions.model)
        StartupTrace.mark("provider chosen")
        var settings = try context.settings(for: provider)
        StartupTrace.mark("key resolved")
        let store = noSave && !continueLast && conversation == nil ? nil : try context.openStore()
        let conversationID = try existingConversation(store: store)
        StartupTrace.mark("conversation found")

        let engine = provider.kind == .local ? try context.localEngine() : nil
        if let engine { settings.baseURL = try await engine.start() }
        Logger(label: "ponder.ask").info("ask: provider \(settings.name), model \(settings.model)")

        StartupTrace.mark("logged")
        let client = await clientTask.value
        StartupTrace.mark("HTTP client ready")
        // The question and the empty answer row go in one transaction (with a new conversation's
        // header) before the request is sent, so a killed `ponder ask` leaves an interrupted answer.
        let runner = TurnRunner(store: store, client: client, savesTurns: !noSave)
        let turnProvider = TurnProvider.resolved(settings)
        let turn = try runner.prepare(
            .ask(text, conversation: conversationID, after: nil), provider: turnProvider)
        StartupTrace.mark("question saved")
        let session = AskSession(
            printer: AskPrinter(showReasoning: !hideReasoning, showAnswer: !reasoningOnly, json: json))
        let outcome = await session.run(turn, runner: runner, provider: turnProvider)
        if let engine { await engine.stop() }
        // The next command then opens the store without reading back this command's log.
        if let store { try? store.checkpointUnlessBusy() }
        return (outcome, turn.isSaved)
    }

    /// The conversation this question joins (`--continue`, `--conversation`); nil for a new one.
    private func existingConversation(store: ConversationStore?) throws -> ConversationID? {
        guard let store, continueLast || conversation != nil else { return nil }
        if let conversation { return try ConversationLookup.resolve(conversation, in: store).id }
        guard let recent = try ConversationLookup.mostRecent(in: store) else {
            throw CLIError("--continue: there is no conversation yet", exitCode: ExitCodes.notFound)
        }
        return recent.id
    }

    private static func exit(for outcome: AskOutcome, saved: Bool) throws {
        switch outcome {
        case .finished(.length):
            printError("ponder: the answer was cut short: the provider's token limit was reached")
        case .finished(.insufficientResources):
            printError("ponder: the provider stopped the answer early (insufficient resources)")
        case .finished, .outputClosed:
            return
        case .failed(let error):
            throw error
        case .cancelled:
            printError(saved ? "ponder: interrupted; what arrived was saved" : "ponder: interrupted")
            throw ExitCodes.interrupted
        }
    }
}
