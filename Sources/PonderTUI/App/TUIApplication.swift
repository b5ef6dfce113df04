import Foundation
import Logging
import PonderCore

/// What the command line passes to the full-screen app.
public struct TUIOptions: Sendable {
    public var environment: [String: String]
    public var providerLabel: String
    public var modelLabel: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, providerLabel: String = "no provider",
        modelLabel: String = "no model"
    ) {
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
        let state = AppState(size: terminal.size, providerLabel: options.providerLabel, modelLabel: options.modelLabel)
        let loop = EventLoop(terminal: terminal, state: state, signals: signals) { effect, queue in
            handle(effect, queue: queue, logger: logger)
        }
        let exit = loop.run()
        logger.info("leaving: \(exit)")
        switch exit {
        case .quit: return 0
        case .signal(let number): return 128 + number
        }
    }

    /// Effects this build can carry out by itself.
    static func handle(_ effect: Effect, queue: EventQueue, logger: Logger) {
        switch effect {
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
