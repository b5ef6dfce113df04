import Foundation
import PonderCore
import TestSupport

@testable import PonderTUI

/// The app without a terminal: the reducer and the real effect runner (chat runtime and store
/// worker) on an in-memory store, talking to the in-process fake server. Events the runtime posts
/// are applied the way the loop applies them; terminal effects are recorded.
final class RuntimeHarness: TerminalServices {
    let server: FakeServer
    let store: ConversationStore
    let queue = EventQueue()
    let worker: StoreWorker
    let chat: ChatRuntime
    let runner: EffectRunner
    private(set) var state: AppState
    /// Every event applied, oldest first.
    private(set) var events: [AppEvent] = []
    private(set) var clipboard: [String] = []
    private(set) var externallyEdited: [String] = []

    /// A runtime whose provider is the fake server (no retries, so a server error fails at once).
    /// `refusedPaths`: paths the server answers with an HTTP status instead (see `FakeServer.start`).
    static func start(size: Size = Size(width: 120, height: 30), refusedPaths: [String: Int] = [:]) async throws
        -> RuntimeHarness
    {
        let server = try await FakeServer.start(refusedPaths: refusedPaths)
        let provider = ProviderConfig(name: "fake", kind: .deepseek, baseURL: server.baseURL, model: "fake-reasoner")
        return try RuntimeHarness(server: server, provider: provider, size: size)
    }

    /// `providers`, when given, are the other configured providers a conversation may choose.
    init(server: FakeServer, provider: ProviderConfig?, size: Size, providers: [String: ProviderConfig] = [:]) throws {
        self.server = server
        store = try ConversationStore.inMemory()
        worker = StoreWorker(store: store, queue: queue, exportDirectories: [])
        let client = ChatClient(configuration: .init(retryPolicy: .init(maxRetries: 0), proxy: ProxySettings()))
        chat = ChatRuntime(
            store: store, provider: provider, environment: [:], queue: queue, client: client, providers: providers)
        runner = EffectRunner(chat: chat, store: worker)
        state = AppState(size: size, providerLabel: "fake", modelLabel: "fake-reasoner")
        if !providers.isEmpty {
            state.controls = ControlsState(
                providers: providers.merging(provider.map { [$0.name: $0] } ?? [:]) { $1 }, fallback: provider)
        }
    }

    /// Stops the runtime and the server.
    func shutdown() async {
        await chat.shutdown()
        worker.stop()
        await server.stop()
    }

    /// Applies an event and runs its effects, as the loop does.
    func apply(_ event: AppEvent) {
        events.append(event)
        for effect in Reducer.reduce(&state, event) { runner.handle(effect, terminal: self) }
    }

    func press(_ key: KeyPress) {
        apply(.input(.key(key), at: 0))
    }

    /// Moves the focus to `pane` with Tab.
    func focus(_ pane: Pane) {
        for _ in Pane.allCases where state.focus != pane { press(KeyPress(.tab)) }
    }

    /// Types text into the editor and sends it.
    func send(_ text: String) {
        for character in text { press(.character(character)) }
        press(KeyPress(.enter))
    }

    /// Applies posted events until `condition` holds (false after `timeout` seconds: generous, since
    /// end-to-end tests running beside these can hold the few threads of the cooperative pool).
    @discardableResult
    func waitUntil(timeout: Double = 90, _ condition: (AppState) -> Bool) async -> Bool {
        await Poll.eventually(timeout: timeout) {
            for event in queue.drain() { apply(event) }
            return condition(state)
        }
    }

    /// Applies posted events until a stream has ended `count` times in all (as generous as `waitUntil`).
    @discardableResult
    func waitForEnds(_ count: Int, timeout: Double = 90) async -> Bool {
        await waitUntil(timeout: timeout) { _ in self.ends.count >= count }
    }

    /// The ends of the turns so far.
    var ends: [TurnEnd] {
        events.compactMap { if case .streamEnded(let end) = $0 { end } else { nil } }
    }

    /// The bodies of the chat requests the server received, as (role, content) pairs.
    var sentMessages: [[[String?]]] {
        server.receivedRequests.compactMap { request in
            request.json?["messages"]?.arrayValue?.map { [$0["role"]?.stringValue, $0["content"]?.stringValue] }
        }
    }

    func copyToClipboard(_ text: String) {
        clipboard.append(text)
    }

    func editExternally(_ text: String) {
        externallyEdited.append(text)
    }
}
