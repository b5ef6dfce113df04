import Foundation
import Logging
import PonderCore
import Synchronization

/// The chat screen's turns: starts each through the `TurnRunner` (shared with `ponder ask`) in a
/// task of its own, with a `DeltaBatcher` reporting it to the loop; stops one on Esc; and at the end
/// stops them all, the local engine and the HTTP client. After the first answer of a new
/// conversation it may refine the title in the background (`ChatRuntime+Titles.swift`).
public final class ChatRuntime: Sendable {
    let runner: TurnRunner
    /// Nil when no provider is usable (the first-run screen): nothing is sent.
    let provider: TurnProvider?
    let providerConfig: ProviderConfig?
    let keys: KeyResolver
    let engine: LocalEngine?
    /// Every configured provider (with the one the app started with), for conversations that chose
    /// another one and for the model picker.
    let providers: [String: ProviderConfig]
    let environment: [String: String]
    /// The controls the screen chose last, applied to that conversation's next turn and saved with it.
    let chosenControls = Mutex<ChosenControls?>(nil)
    /// The model listing in flight, if any.
    let listing = Mutex<Task<Void, Never>?>(nil)
    let queue: EventQueue
    /// `[ui]` settings; `refineTitles` asks for a short title after a new conversation's first answer.
    let ui: UISettings
    private let logger = Logger(label: "ponder.chat")
    /// Turns in flight, by the id of the answer they fill.
    private let running = Mutex<[MessageID: Task<Void, Never>]>([:])
    /// Title requests in flight, by conversation.
    let refinements = Mutex<[ConversationID: Task<Void, Never>]>([:])

    public init(
        store: ConversationStore, provider: ProviderConfig?, environment: [String: String], queue: EventQueue,
        engine: LocalEngine? = nil, client: ChatClient = ChatClient(), ui: UISettings = UISettings(),
        providers: [String: ProviderConfig] = [:]
    ) {
        let keys = KeyResolver(environment: environment)
        self.runner = TurnRunner(store: store, client: client)
        self.providerConfig = provider
        self.provider = provider.map { TurnProvider.configured($0, keys: keys, engine: engine) }
        self.keys = keys
        self.engine = engine
        self.environment = environment
        var providers = providers
        if let provider { providers[provider.name] = provider }
        self.providers = providers
        self.queue = queue
        self.ui = ui
    }

    /// Starts a turn; what happens arrives as events on the queue.
    public func start(_ plan: TurnPlan) {
        guard provider != nil else {
            if let text = Self.question(of: plan) {
                queue.post(
                    .submitRejected(
                        text: text, reason: "No provider is set up yet — see the steps above; your message is kept"))
            }
            return
        }
        let answerID: MessageID
        switch plan {
        case .continueAnswer(let id): answerID = id
        case .ask, .resend, .regenerate: answerID = .make()
        }
        let chosen = chosenControls.withLock { $0 }
        running.withLock { running in
            running[answerID] = Task { [self] in
                // The stream then keeps mapped only the code it runs (a lower peak while it streams). Done
                // in the task: reading /proc/self/smaps would hold up the loop thread and the frame it owes.
                OwnCodePages.release()
                await run(plan, answerID: answerID, chosen: chosen)
                self.running.withLock { running in
                    // Also under the id of a new version it was answered as.
                    guard let task = running[answerID] else { return }
                    running = running.filter { $0.value != task }
                }
            }
        }
    }

    /// Stops the turn filling this answer; what arrived is kept.
    public func cancel(_ answerID: MessageID) {
        let task = running.withLock { $0[answerID] }
        task?.cancel()
    }

    /// Stops running turns and waits for their rows to be final, then stops title requests, the
    /// engine and the client.
    public func shutdown() async {
        listing.withLock { $0?.cancel() }
        let tasks = running.withLock { Array($0.values) }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        let titleTasks = refinements.withLock { Array($0.values) }
        for task in titleTasks { task.cancel() }
        for task in titleTasks { await task.value }
        await engine?.stop()
        await runner.client.shutdown()
    }

    private func run(_ plan: TurnPlan, answerID: MessageID, chosen: ChosenControls?) async {
        let turn: PreparedTurn
        let provider: TurnProvider
        do {
            let setup = try turnSetup(for: plan, chosen: chosen)
            provider = setup.provider
            turn = try runner.prepare(plan, provider: provider, controls: setup.controls, answerID: answerID)
        } catch {
            let reason = Sanitizer.sanitizeLine("\(error)")
            if let text = Self.question(of: plan) {
                queue.post(.submitRejected(text: text, reason: "Could not save the message: \(reason)"))
            } else {
                queue.post(.notice("Could not ask again: \(reason)"))
            }
            return
        }
        // A continuation answered as a new version stops under the new answer's id too.
        let client = runner.client
        let batcher = DeltaBatcher(queue: queue, messageID: answerID, schedule: { client.afterDelay($0, $1) }) {
            [self] id in
            self.running.withLock { running in running[id] = running[answerID] }
        }
        let end = await runner.run(turn, provider: provider, observer: batcher)
        logger.info("stream ended: \(end.status.rawValue)")
        if turn.isNewConversation, let question = turn.question, end.status == .complete {
            refineTitle(of: turn.conversation, question: question.answer, answerID: answerID)
        }
    }

    /// The text of a plan that asks a new question.
    private static func question(of plan: TurnPlan) -> String? {
        switch plan {
        case .ask(let text, _, _), .resend(let text, _): return text
        case .regenerate, .continueAnswer: return nil
        }
    }
}
