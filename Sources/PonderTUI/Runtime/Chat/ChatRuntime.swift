import Foundation
import Logging
import PonderCore
import Synchronization

/// Carries out the reducer's chat effects: saves messages, runs requests through `ChatClient`,
/// feeds every delta to a `StreamingMessageWriter` (which persists it off the UI thread) and
/// posts merged updates back to the loop. For the `local` provider it starts the engine first
/// and stops it at shutdown. After the first answer of a new conversation it may refine the
/// title in the background (`ChatRuntime+Titles.swift`).
public final class ChatRuntime: Sendable {
    let store: ConversationStore
    let client: ChatClient
    private let provider: ProviderConfig?
    let keys: KeyResolver
    private let engine: LocalEngine?
    private let logger = Logger(label: "ponder.chat")
    private let running = Mutex<[MessageID: Task<Void, Never>]>([:])
    /// Fold states set while their message was still streaming: written again after the final
    /// row, which would otherwise overwrite them.
    private let foldsDuringStream = Mutex<[MessageID: Bool]>([:])
    /// `[ui]` settings; `refineTitles` asks for a short title after a new conversation's first answer.
    let ui: UISettings
    /// Title requests in flight, by conversation.
    let refinements = Mutex<[ConversationID: Task<Void, Never>]>([:])

    public init(
        store: ConversationStore, provider: ProviderConfig?, environment: [String: String],
        engine: LocalEngine? = nil, client: ChatClient = ChatClient(), ui: UISettings = UISettings()
    ) {
        self.ui = ui
        self.store = store
        self.provider = provider
        self.keys = KeyResolver(environment: environment)
        self.engine = engine
        self.client = client
    }

    /// Runs one effect; results come back as events on `queue`.
    public func handle(_ effect: Effect, queue: EventQueue) {
        switch effect {
        case .quit, .copyToClipboard, .editExternally, .browser:
            break
        case .send(let text, let conversationID, let after):
            Task { await self.send(text, in: conversationID, after: after, queue: queue) }
        case .resend(let text, let question):
            Task { await self.send(text, in: nil, replacing: question, queue: queue) }
        case .regenerate(let id):
            Task { await self.retry(id, continuing: false, queue: queue) }
        case .continueAnswer(let id):
            Task { await self.retry(id, continuing: true, queue: queue) }
        case .openConversation(let id, _):
            do {
                guard let conversation = try store.conversation(id) else {
                    queue.post(.notice("That conversation is no longer in the history"))
                    return
                }
                queue.post(.conversationOpened(conversation, try store.messages(in: id)))
            } catch {
                queue.post(.notice("Could not open the conversation: \(Sanitizer.sanitizeLine("\(error)"))"))
            }
        case .cancelStream(let id):
            let task = running.withLock { $0[id] }
            task?.cancel()
        case .setReasoningFolded(let id, let folded):
            do {
                running.withLock { tasks in
                    if tasks[id] != nil { foldsDuringStream.withLock { $0[id] = folded } }
                }
                try store.setReasoningFolded(id, folded)
            } catch {
                queue.post(.notice("Could not save the fold state: \(Sanitizer.sanitizeLine("\(error)"))"))
            }
        }
    }

    /// Cancels running streams, waits for their rows to be finished, stops the engine and the client.
    public func shutdown() async {
        let tasks = running.withLock { Array($0.values) }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        let titleTasks = refinements.withLock { Array($0.values) }
        for task in titleTasks { task.cancel() }
        for task in titleTasks { await task.value }
        await engine?.stop()
        await client.shutdown()
    }

    /// A conversation title from the first user message: one sanitised line, at most 60 characters.
    public static func title(from text: String) -> String {
        let words = Sanitizer.sanitizeLine(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard words.count > 60 else { return words }
        return String(words.prefix(59)) + "…"
    }

    /// Asks `text`: after message `after` of the conversation (a new conversation when nil), or
    /// as a new version of the question `replacing` (a sibling of it, in its conversation).
    private func send(
        _ text: String, in conversationID: ConversationID?, after: MessageID? = nil, replacing: MessageID? = nil,
        queue: EventQueue
    ) async {
        guard let provider else {
            queue.post(
                .submitRejected(
                    text: text, reason: "No provider is set up yet — see the steps above; your message is kept"))
            return
        }
        let assistant: Message
        let history: [Message]
        let conversation: Conversation
        do {
            (conversation, history, assistant) = try saveTurn(
                text, in: conversationID, after: after, replacing: replacing, provider: provider, queue: queue)
        } catch {
            queue.post(
                .submitRejected(
                    text: text, reason: "Could not save the message: \(Sanitizer.sanitizeLine("\(error)"))"))
            return
        }
        await run(
            assistant, history: history, continuation: nil, conversation: conversation, provider: provider,
            queue: queue)
        if history.count == 1 {
            refineTitle(
                of: conversation.id, replacing: conversation.title, question: text, answerID: assistant.id,
                provider: provider, queue: queue)
        }
    }

    /// Regenerates an answer as a new sibling, or continues a stopped one in place.
    private func retry(_ id: MessageID, continuing: Bool, queue: EventQueue) async {
        guard let provider else { return }
        do {
            guard let old = try store.message(id), let parent = old.parentID,
                let conversation = try store.conversation(old.conversationID)
            else {
                queue.post(.notice("That answer is no longer in the history"))
                return
            }
            let history = try store.messages(in: conversation.id).branch(endingAt: parent)
                .filter { $0.role != .assistant || !$0.answer.isEmpty }
            guard !history.isEmpty else { return }
            var assistant: Message
            if continuing {
                assistant = old
                assistant.status = .streaming
                assistant.errorText = nil
            } else {
                assistant = Message(
                    conversationID: conversation.id, parentID: parent, role: .assistant, status: .streaming,
                    provider: provider.name, model: provider.model, reasoningFolded: old.reasoningFolded)
            }
            queue.post(.streamStarted(conversation: conversation, user: nil, assistant: assistant))
            await run(
                assistant, history: history, continuation: continuing ? old : nil, conversation: conversation,
                provider: provider, queue: queue)
        } catch {
            queue.post(.notice("Could not read the history: \(Sanitizer.sanitizeLine("\(error)"))"))
        }
    }

    private func run(
        _ assistant: Message, history: [Message], continuation: Message?, conversation: Conversation,
        provider: ProviderConfig, queue: EventQueue
    ) async {
        let writer = StreamingMessageWriter(store: store, message: assistant) { error in
            queue.post(.notice("Could not save the answer yet (kept in memory): \(Sanitizer.sanitizeLine("\(error)"))"))
        }
        let task = Task {
            await self.stream(
                history: history, continuation: continuation, systemPrompt: conversation.systemPrompt,
                provider: provider, writer: writer, queue: queue)
        }
        running.withLock { $0[assistant.id] = task }
        await task.value
        _ = running.withLock { $0.removeValue(forKey: assistant.id) }
    }

    /// Saves the conversation header and the user message; returns the history to send and the
    /// empty assistant message, and tells the loop.
    private func saveTurn(
        _ text: String, in conversationID: ConversationID?, after: MessageID?, replacing: MessageID?,
        provider: ProviderConfig, queue: EventQueue
    ) throws -> (Conversation, [Message], Message) {
        let now = Date()
        var conversation: Conversation
        var earlier: [Message] = []
        var conversationID = conversationID
        var after = after
        if let replacing {
            guard let old = try store.message(replacing) else { throw MissingQuestion() }
            conversationID = old.conversationID
            after = old.parentID
        }
        if let conversationID, let existing = try store.conversation(conversationID) {
            conversation = existing
            let all = try store.messages(in: conversationID)
            earlier =
                replacing != nil || after != nil ? all.branch(endingAt: after) : all.branch(endingAt: all.last?.id)
        } else {
            conversation = Conversation(
                title: Self.title(from: text), createdAt: now, provider: provider.name, model: provider.model)
        }
        conversation.updatedAt = now
        try store.save(conversation)
        let user = Message(
            conversationID: conversation.id, parentID: earlier.last?.id, role: .user, answer: text, createdAt: now)
        try store.save(user)
        let assistant = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming,
            provider: provider.name, model: provider.model, createdAt: Date())
        queue.post(.streamStarted(conversation: conversation, user: user, assistant: assistant))
        let history = earlier.filter { $0.role != .assistant || !$0.answer.isEmpty } + [user]
        return (conversation, history, assistant)
    }

    private func stream(
        history: [Message], continuation: Message?, systemPrompt: String?, provider: ProviderConfig,
        writer: StreamingMessageWriter, queue: EventQueue
    ) async {
        let batcher = DeltaBatcher(queue: queue, messageID: writer.message.id)
        var status = MessageStatus.interrupted
        var errorText: String?
        do {
            let settings = try await settings(for: provider, queue: queue)
            let request = ChatRequest(
                settings: settings, systemPrompt: systemPrompt, history: history, continuation: continuation)
            // Events are handled where they are decoded (no hop to another task per token).
            let outcome = Mutex<(status: MessageStatus, failure: ChatError?)>((.interrupted, nil))
            await client.run(request) { event in
                switch event {
                case .reasoning(let text): writer.appendReasoning(text)
                case .answer(let text): writer.appendAnswer(text)
                case .usage(let usage): writer.update(usage: usage)
                case .timings(let timings): writer.update(timings: timings)
                case .phase(.finished): outcome.withLock { $0.status = .complete }
                case .phase(.cancelled): outcome.withLock { $0.status = .cancelled }
                case .phase(.failed(let error)): outcome.withLock { $0 = (.failed, error) }
                case .phase: break
                }
                batcher.add(event)
            }
            let (finalStatus, failure) = outcome.withLock { $0 }
            status = finalStatus
            if let failure { errorText = await explain(failure, provider: provider) }
        } catch {
            status = .failed
            errorText = (error as? ChatError)?.message ?? "\(error)"
        }
        if Task.isCancelled && status == .interrupted { status = .cancelled }
        batcher.flush()
        await writer.finish(status: status, errorText: errorText.map(Sanitizer.sanitize))
        let id = writer.message.id
        if let folded = foldsDuringStream.withLock({ $0.removeValue(forKey: id) }) {
            try? store.setReasoningFolded(id, folded)
        }
        logger.info("stream ended: \(status.rawValue)")
        queue.post(.streamEnded(writer.message))
        if let errorText { queue.post(.notice(Sanitizer.sanitizeLine(errorText))) }
    }

    /// The request settings for `provider`, with its key; for the local engine, its current URL.
    private func settings(for provider: ProviderConfig, queue: EventQueue) async throws -> ProviderSettings {
        var baseURL = provider.baseURL
        if provider.kind == .local, let engine {
            let starting = "starting local model…"
            let announced = await !engine.isRunning
            if announced { queue.post(.notice(starting)) }
            defer { if announced { queue.post(.noticeEnded(starting)) } }
            baseURL = try await engine.start()
        }
        return provider.settings(
            apiKey: try keys.resolve(provider.keySource, provider: provider.name), baseURL: baseURL)
    }

    /// The error's message; for the local engine, says so when the engine process died (it closes
    /// its connections while exiting, so the exit itself is given a moment to be seen).
    private func explain(_ error: ChatError, provider: ProviderConfig) async -> String {
        guard provider.kind == .local, let engine,
            let ended = await engine.exitDescription(waitingUpTo: .seconds(1))
        else { return error.message }
        let log = await engine.logPath
        return "The local engine stopped during the answer: \(ended). The partial answer is kept; your next "
            + "message starts the engine again. Engine log: \(log)"
    }
}

/// The question being edited was deleted meanwhile (from another window, say).
private struct MissingQuestion: Error, CustomStringConvertible {
    var description: String { "the question is no longer in the history" }
}
