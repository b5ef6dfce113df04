import Foundation
import Logging
import PonderCore

/// What the command line passes to the full-screen app.
public struct TUIOptions: Sendable {
    public var environment: [String: String]
    public var providerLabel: String
    public var modelLabel: String
    /// Open on the conversation browser (`ponder --browse`).
    public var startInBrowser: Bool

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, providerLabel: String = "no provider",
        modelLabel: String = "no model", startInBrowser: Bool = false
    ) {
        self.startInBrowser = startInBrowser
        self.environment = environment
        self.providerLabel = providerLabel
        self.modelLabel = modelLabel
    }
}

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
        var state = AppState(size: terminal.size, providerLabel: options.providerLabel, modelLabel: options.modelLabel)
        // Browse and search (issue 6): the store-backed list, the browser's effects, `--browse`.
        let queue = EventQueue()
        let browser = BrowserRuntime.start(paths: paths, queue: queue)
        if options.startInBrowser { state.browser = BrowserState() }
        let loop = EventLoop(terminal: terminal, state: state, queue: queue, signals: signals) { effect, queue in
            handle(effect, queue: queue, logger: logger, browser: browser)
        }
        let exit = loop.run()
        logger.info("leaving: \(exit)")
        switch exit {
        case .quit: return 0
        case .signal(let number): return 128 + number
        }
    }

    /// Effects this build can carry out by itself.
    static func handle(_ effect: Effect, queue: EventQueue, logger: Logger, browser: BrowserRuntime? = nil) {
        switch effect {
        case .browser(let browserEffect):
            if let browser {
                browser.handle(browserEffect)
            } else {
                queue.post(.notice("Conversation history unavailable"))
            }
        case .openConversation(let id, let focus):
            browser?.announceOpened(id, focus: focus)
        case .quit:
            break
        case .submit(let text):
            logger.info("message not sent: no provider configured (\(text.count) characters)")
            queue.post(
                .submitRejected(
                    text: text, reason: "No provider is configured yet — your message is back in the editor"))
        }
    }
}
