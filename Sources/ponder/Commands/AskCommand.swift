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
        let thread = try existingThread(store: store)
        StartupTrace.mark("conversation found")

        let engine = provider.kind == .local ? try context.localEngine() : nil
        if let engine { settings.baseURL = try await engine.start() }
        Logger(label: "ponder.ask").info("ask: provider \(settings.name), model \(settings.model)")

        StartupTrace.mark("logged")
        let client = await clientTask.value
        StartupTrace.mark("HTTP client ready")
        let saved = try noSave ? nil : save(text, thread: thread, settings: settings, store: store)
        StartupTrace.mark("question saved")
        let user = saved?.user ?? Message(conversationID: thread.conversation.id, role: .user, answer: text)
        let request = ChatRequest(
            settings: settings, systemPrompt: thread.conversation.systemPrompt, history: thread.history + [user])
        let session = AskSession(
            client: client, request: request, writer: saved?.writer,
            printer: AskPrinter(showReasoning: !hideReasoning, showAnswer: !reasoningOnly, json: json))
        let outcome = await session.run(conversationID: saved == nil ? nil : thread.conversation.id)
        if let engine { await engine.stop() }
        // The next command then opens the store without reading back this command's log.
        if let store { try? store.checkpointUnlessBusy() }
        return (outcome, saved != nil)
    }

    /// The conversation this question joins and the branch sent as history.
    private func existingThread(store: ConversationStore?) throws -> AskThread {
        guard let store, continueLast || conversation != nil else { return AskThread() }
        let found: Conversation
        if let conversation {
            found = try ConversationLookup.resolve(conversation, in: store)
        } else if let recent = try ConversationLookup.mostRecent(in: store) {
            found = recent
        } else {
            throw CLIError("--continue: there is no conversation yet", exitCode: ExitCodes.notFound)
        }
        return AskThread(
            conversation: found, history: ConversationLookup.activeBranch(of: try store.messages(in: found.id)),
            isNew: false)
    }

    /// Saves the user message and creates the assistant row, which exists (as `streaming`) before
    /// the request is sent, so a killed `ponder ask` leaves an interrupted message behind.
    /// All three rows (a new conversation, the question, the empty answer) go in one transaction.
    private func save(
        _ text: String, thread: AskThread, settings: ProviderSettings, store: ConversationStore?
    ) throws -> (user: Message, writer: StreamingMessageWriter)? {
        guard let store else { return nil }
        var conversation = thread.conversation
        if thread.isNew {
            conversation.title = AskPrompt.title(for: text)
            conversation.provider = settings.name
            conversation.model = settings.model
        }
        let user = Message(
            conversationID: conversation.id, parentID: thread.history.last?.id, role: .user, answer: text)
        let assistant = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming,
            provider: settings.name, model: settings.model)
        do {
            try store.saveTurn(conversation: thread.isNew ? conversation : nil, messages: [user, assistant])
        } catch var error as StoreError where error.kind == .readOnly || error.kind == .diskFull {
            // Nothing was sent yet: say so, and how to ask anyway.
            error.message += " Nothing was sent; to ask without saving, use --no-save."
            throw error
        }
        // Written every 150 ms: a killed `ponder ask` loses at most the last quarter second of text
        // even on a loaded machine (see docs/decisions.md).
        let writer = StreamingMessageWriter(
            store: store, message: assistant, flushInterval: .milliseconds(150), rowWritten: true
        ) { error in
            printError("ponder: could not save the answer: \(error.message)")
        }
        return (user, writer)
    }

    private static func exit(for outcome: AskOutcome, saved: Bool) throws {
        switch outcome {
        case .finished(.length):
            printError("ponder: the answer was cut short: the provider's token limit was reached")
        case .finished(.insufficientResources):
            printError("ponder: the provider stopped the answer early (insufficient resources)")
        case .finished(.unspecified):
            printError(
                "ponder: the provider ended the answer without saying why (no finish reason); it may be incomplete")
        case .finished, .outputClosed:
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

/// The conversation a question is added to, and the messages sent before it.
struct AskThread {
    var conversation = Conversation()
    var history: [Message] = []
    var isNew = true
}
