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
            given. Ctrl-C stops the answer and keeps what arrived (exit 130). A conversation keeps its \
            provider, model, effort, budget and system prompt; options given here change them. When the \
            budget runs out while the model is still thinking, no answer comes: ask says so and exits 3.
            """)

    @OptionGroup var providerOptions: ProviderOptions

    @OptionGroup var controlOptions: ControlOptions

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
        let result: (outcome: AskOutcome, saved: Bool, budget: Int?)
        do {
            result = try await ask(using: clientTask)
        } catch {
            await clientTask.value.shutdown()
            throw error
        }
        await clientTask.value.shutdown()
        try Self.exit(for: result.outcome, saved: result.saved, budget: result.budget)
    }

    /// Sends the question and streams the answer; returns how it ended, whether it was saved and the
    /// output budget that was sent.
    private func ask(using clientTask: Task<ChatClient, Never>) async throws -> (
        outcome: AskOutcome, saved: Bool, budget: Int?
    ) {
        let text = try AskPrompt.read(arguments: prompt)
        StartupTrace.mark("prompt read")
        let context = try CommandContext.load()
        StartupTrace.mark("config loaded")
        let store = noSave && !continueLast && conversation == nil ? nil : try context.openStore()
        let existing = try existingConversation(store: store)
        StartupTrace.mark("conversation found")
        let provider = try chooseProvider(for: existing, context: context)
        StartupTrace.mark("provider chosen")
        let controls = try controls(for: existing, provider: provider, context: context)
        var settings = try context.settings(for: provider).applying(controls)
        try controlOptions.checkEffort(against: settings)
        StartupTrace.mark("key resolved")

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
        let turn: PreparedTurn
        do {
            turn = try runner.prepare(
                .ask(text, conversation: existing?.id, after: nil), provider: turnProvider, controls: controls)
        } catch var error as StoreError where error.kind == .readOnly || error.kind == .diskFull {
            // Nothing was sent yet: say so, and how to ask anyway.
            error.message += " Nothing was sent; to ask without saving, use --no-save."
            throw error
        }
        StartupTrace.mark("question saved")
        let session = AskSession(
            printer: AskPrinter(showReasoning: !hideReasoning, showAnswer: !reasoningOnly, json: json))
        let outcome = await session.run(turn, runner: runner, provider: turnProvider)
        if let engine { await engine.stop() }
        // The next command then opens the store without reading back this command's log.
        if let store { try? store.checkpointUnlessBusy() }
        return (outcome, turn.isSaved, settings.maxTokens)
    }

    /// The provider in order: `-p`, the conversation's own (when still configured), the default.
    private func chooseProvider(for existing: Conversation?, context: CommandContext) throws -> ProviderConfig {
        if providerOptions.provider == nil, let controls = existing?.controls, let own = controls.provider {
            if let configured = controls.configuredProvider(in: context.config) { return configured }
            let fallback = try context.provider(flag: nil, model: nil)
            printError(
                "ponder: this conversation's provider \"\(own)\" is no longer configured; using \(fallback.name)")
            return fallback
        }
        return try context.provider(flag: providerOptions.provider, model: nil)
    }

    /// The conversation's controls with the command line's on top: a new provider starts from its own
    /// model unless -m names one.
    private func controls(for existing: Conversation?, provider: ProviderConfig, context: CommandContext) throws
        -> ConversationControls
    {
        var controls = existing?.controls ?? ConversationControls()
        if existing == nil || controls.provider != provider.name {
            controls.provider = provider.name
            controls.model = provider.model
        }
        if let model = providerOptions.model, !model.isEmpty { controls.model = model }
        return try controlOptions.applied(to: controls, presets: context.config.presets)
    }

    /// The conversation this question joins (`--continue`, `--conversation`); nil for a new one.
    private func existingConversation(store: ConversationStore?) throws -> Conversation? {
        guard let store, continueLast || conversation != nil else { return nil }
        if let conversation { return try ConversationLookup.resolve(conversation, in: store) }
        guard let recent = try ConversationLookup.mostRecent(in: store) else {
            throw CLIError("--continue: there is no conversation yet", exitCode: ExitCodes.notFound)
        }
        return recent
    }

    private static func exit(for outcome: AskOutcome, saved: Bool, budget: Int?) throws {
        switch outcome {
        case .finished(.insufficientResources, _):
            printError("ponder: the provider stopped the answer early (insufficient resources)")
        case .finished(.unspecified, _):
            printError(
                "ponder: the provider ended the answer without saying why (no finish reason); it may be incomplete")
        case .finished(_, let ending):
            guard let explanation = ending.explanation(budget: budget) else { return }
            let hint = saved ? " (ponder ask --continue --max-tokens N asks again in this conversation)" : ""
            printError("ponder: " + explanation + (ending == .budgetUsedWhileThinking ? hint : ""))
            if ending == .budgetUsedWhileThinking { throw ExitCodes.budgetUsedWhileThinking }
        case .outputClosed:
            return
        case .failed(let error):
            throw error
        case .cancelled:
            printError(saved ? "ponder: interrupted; what arrived was saved" : "ponder: interrupted")
            throw ExitCodes.interrupted
        case .notSaved(let error, let missing, let streamed):
            if case .failed(let streamError) = streamed { ErrorReport(streamError)?.print() }
            throw CLIError(AskOutcome.notSavedMessage(error, missing: missing), exitCode: ExitCodes.store)
        }
    }
}
