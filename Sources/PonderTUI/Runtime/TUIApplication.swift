import Foundation
import Logging
import PonderCore

/// The entry point of the full-screen app: takes the terminal, runs the event loop, and gives
/// the terminal back however the loop ends (quit, SIGTERM/SIGINT/SIGHUP, or a thrown error).
public enum TUIApplication {
    /// Runs the app; returns the process exit status (0 on quit, 128 + n after signal n).
    public static func run(options: TUIOptions = TUIOptions()) throws -> Int32 {
        let logger = Logger(label: "ponder.tui")
        let paths = XDGPaths(environment: options.environment)
        try? FileManager.default.createDirectory(at: paths.stateHome, withIntermediateDirectories: true)
        let signals = TerminationSignals()
        defer { signals.restore() }
        let terminal = NcursesTerminal(stderrLogPath: paths.logFile.path, environment: options.environment)
        try terminal.start()
        defer { terminal.stop() }
        logger.info("screen taken: \(terminal.size)")
        // The one store connection (a database pool) of the app, shared by the store worker and the turns.
        let store = try ConversationStore.open(at: options.storeURL ?? paths.databaseFile)
        let recovered = try store.markAbandonedStreamsInterrupted()
        if recovered > 0 { logger.info("marked \(recovered) abandoned answers interrupted") }
        var state = try initialState(size: terminal.size, options: options, store: store)
        if recovered > 0 {
            state.notice = Notice("\(recovered) unfinished answer(s) from last time marked interrupted")
        }
        if options.startInBrowser { state.browser = BrowserState() }
        let provider = options.provider
        // Any conversation may choose the local engine; it starts only when a turn needs it.
        let engine = LocalEngine(
            installation: .default(environment: options.environment), settings: options.config.local,
            logFile: paths.stateHome.appendingPathComponent("engine.log"))
        let queue = EventQueue()
        let worker = StoreWorker(
            store: store, queue: queue, exportDirectories: StoreWorker.defaultExportDirectories(paths: paths))
        worker.start()
        let chat = ChatRuntime(
            store: store, provider: provider, environment: options.environment, queue: queue, engine: engine,
            ui: options.config.ui, providers: options.config.providers)
        let loop = EventLoop(
            terminal: terminal, state: state, queue: queue, signals: signals,
            effects: EffectRunner(chat: chat, store: worker))
        loop.keymap = Keymap.standard.remapped(options.config.keys)
        loop.theme = Theme.make(options.config.ui.theme, colorCount: terminal.colorCount)
        let exit = loop.run()
        logger.info("leaving: \(exit)")
        let leaving = ContinuousClock.now
        wait { await chat.shutdown() }
        let chatStopped = ContinuousClock.now
        worker.stop()
        logger.info(
            "left: turns and client stopped in \(chatStopped - leaving), the store in \(ContinuousClock.now - chatStopped)"
        )
        switch exit {
        case .quit: return 0
        case .signal(let number): return 128 + number
        }
    }

    /// The first screen's state: settings, the first page of the conversation list, and the
    /// conversation to open (the one asked for, else the most recent unless start-up opens a new
    /// one) with its stored fold states. Read
    /// before the loop starts, so the first frame is never empty; the store worker then posts the
    /// whole list.
    static func initialState(size: Size, options: TUIOptions, store: ConversationStore) throws -> AppState {
        let provider = options.provider
        var state = AppState(
            size: size, providerLabel: provider?.name ?? "no provider", modelLabel: provider?.model ?? "no model")
        state.foldReasoningByDefault = options.config.ui.foldReasoningByDefault
        state.collapseThinkingOnAnswer = options.config.ui.collapseThinkingOnAnswer
        state.thinkingPanelRatio = options.config.ui.thinkingPanelRatio
        state.thinkingPanelOnLeft = options.config.ui.thinkingPanelSide == .left
        state.sidebarPreference = options.config.ui.showSidebar ? nil : false
        state.prices = provider?.prices
        state.firstRunHelp = options.firstRunHelp
        state.controls = ControlsState(
            providers: options.config.providers.merging(provider.map { [$0.name: $0] } ?? [:]) { $1 },
            fallback: provider, presets: options.config.presets,
            localModelName: LocalEngineInstallation.default(environment: options.environment).modelName(
                settings: options.config.local))
        state.listing = ConversationListing(
            summaries: try store.listConversations(), loadedAt: Date(), changeCounter: try store.changeCounter())
        var open = options.opensNewConversation ? nil : state.listing.summaries.first?.conversation
        if let wanted = options.conversationID, !options.startNew {
            if let found = try store.conversation(wanted) {
                open = found
            } else {
                state.notice = Notice("No conversation \(wanted) — showing the most recent one")
            }
        }
        if let open {
            _ = Reducer.reduce(&state, .conversationOpened(open, try store.messages(in: open.id)))
        }
        return state
    }

    /// Runs async work to completion from the synchronous exit path.
    private static func wait(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        done.wait()
    }
}
