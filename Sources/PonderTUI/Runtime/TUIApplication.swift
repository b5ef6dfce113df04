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
        let store = try ConversationStore.open(at: options.storeURL ?? paths.databaseFile)
        let recovered = try store.markAbandonedStreamsInterrupted()
        if recovered > 0 { logger.info("marked \(recovered) abandoned answers interrupted") }
        var state = try initialState(size: terminal.size, options: options, store: store)
        if recovered > 0 {
            state.notice = Notice("\(recovered) unfinished answer(s) from last time marked interrupted")
        }
        let provider = options.provider
        let engine =
            provider?.kind == .local
            ? LocalEngine(
                installation: .default(environment: options.environment), settings: options.config.local,
                logFile: paths.stateHome.appendingPathComponent("engine.log"))
            : nil
        let runtime = ChatRuntime(
            store: store, provider: provider, environment: options.environment, engine: engine, ui: options.config.ui)
        // The conversation list, the browser's effects and `--browse`.
        let queue = EventQueue()
        let browser = BrowserRuntime.start(paths: paths, storeURL: options.storeURL, queue: queue)
        if options.startInBrowser { state.browser = BrowserState() }
        DispatchQueue.global().async {
            if let prompts = try? store.recentPrompts() { queue.post(.promptsLoaded(prompts)) }
        }
        let loop = EventLoop(terminal: terminal, state: state, queue: queue, signals: signals) { effect, queue in
            switch effect {
            case .browser(let browserEffect):
                if let browser {
                    browser.handle(browserEffect)
                } else {
                    queue.post(.notice("Conversation history unavailable"))
                }
            case .openConversation(let id, let focus):
                runtime.handle(effect, queue: queue)
                if let focus { browser?.announceOpened(id, focus: focus) }
            default:
                runtime.handle(effect, queue: queue)
            }
        }
        loop.keymap = Keymap.standard.remapped(options.config.keys)
        loop.theme = Theme.make(options.config.ui.theme, colorCount: terminal.colorCount)
        let exit = loop.run()
        logger.info("leaving: \(exit)")
        wait { await runtime.shutdown() }
        switch exit {
        case .quit: return 0
        case .signal(let number): return 128 + number
        }
    }

    /// The first screen's state: settings, the sidebar's conversations, and the conversation to open
    /// (the one asked for, else the most recent) with its stored fold states.
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
        state.conversations = try store.listConversations().map(\.conversation)
        var open = state.conversations.first
        if let wanted = options.conversationID {
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
