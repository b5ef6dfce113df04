import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// The llama.cpp server Ponder runs for the `local` provider. `start()` launches it on a free
/// 127.0.0.1 port through the launcher script and waits until `/health` answers; a crashed engine is
/// started again by the next `start()`. The launcher exits by itself when Ponder's process is gone, so
/// the engine never outlives Ponder, even after SIGKILL.
public actor LocalEngine {
    public let installation: LocalEngineInstallation
    public let settings: LocalEngineSettings
    private let logFile: URL?
    private let startTimeout: Duration
    private let choosePort: @Sendable () -> Int?
    private let logger = Logger(label: "ponder.engine")
    private var process: Process?
    private var port: Int?

    public init(
        installation: LocalEngineInstallation,
        settings: LocalEngineSettings = LocalEngineSettings(),
        logFile: URL? = nil,
        startTimeout: Duration = .seconds(120),
        choosePort: @escaping @Sendable () -> Int? = { FreePort.find() }
    ) {
        self.installation = installation
        self.settings = settings
        self.logFile = logFile
        self.startTimeout = startTimeout
        self.choosePort = choosePort
    }

    /// The OpenAI-compatible base URL (`http://127.0.0.1:PORT/v1`) of a running, healthy engine,
    /// starting it when needed. Throws a `ChatError` that says what to do.
    public func start() async throws -> String {
        if let process, process.isRunning, let port { return Self.baseURL(port) }
        guard installation.isInstalled else {
            throw ChatError(kind: .configuration, message: installation.notInstalledMessage)
        }
        guard FileManager.default.fileExists(atPath: installation.launcher.path) else {
            throw ChatError(kind: .configuration, message: installation.launcherMissingMessage)
        }
        if let path = settings.modelPath, !FileManager.default.fileExists(atPath: path) {
            throw ChatError(
                kind: .configuration,
                message: "The local model file \(path) does not exist. Fix model_path in the [local] section "
                    + "of the config file, or remove it to use the built-in small model.")
        }
        var lastFailure = ""
        for _ in 0..<3 {
            guard let candidate = choosePort() else { break }
            let launched = try launch(port: candidate)
            switch try await waitUntilHealthy(launched, port: candidate) {
            case .healthy:
                process = launched
                port = candidate
                logger.info("local engine healthy on port \(candidate), pid \(launched.processIdentifier)")
                return Self.baseURL(candidate)
            case .portInUse(let output):
                lastFailure = output
                logger.warning("engine port \(candidate) in use, trying another")
            }
        }
        throw ChatError(
            kind: .server, message: "The local engine could not find a free port. \(Self.lastLines(lastFailure))")
    }

    /// Whether the engine process is alive.
    public var isRunning: Bool { process?.isRunning ?? false }

    /// The engine's process id while it runs.
    public var processID: Int32? { process.flatMap { $0.isRunning ? $0.processIdentifier : nil } }

    /// The port of the running engine.
    public var currentPort: Int? { isRunning ? port : nil }

    /// How the engine's process ended ("killed by signal 9 (SIGKILL)", "exited with status 4"), or nil
    /// while it runs and before it was started. A process that is dying when this is asked (its
    /// connections already closed) gets up to `limit` to be seen as exited.
    public func exitDescription(waitingUpTo limit: Duration = .zero) async -> String? {
        guard let process else { return nil }
        guard await Self.waitForExit(process, within: limit) else { return nil }
        let status = process.terminationStatus
        guard process.terminationReason == .uncaughtSignal else { return "exited with status \(status)" }
        let names: [Int32: String] = [
            SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS",
            SIGILL: "SIGILL", SIGINT: "SIGINT", SIGHUP: "SIGHUP",
        ]
        return "killed by signal \(status)" + (names[status].map { " (\($0))" } ?? "")
    }

    /// The file the engine writes its output to.
    public var logPath: String { engineLogURL.path }

    /// Stops the engine: SIGTERM, then SIGKILL after two seconds.
    public func stop() async {
        guard let process else { return }
        self.process = nil
        port = nil
        guard process.isRunning else { return }
        process.terminate()
        if await Self.waitForExit(process, within: .seconds(2)) { return }
        logger.warning("local engine ignored SIGTERM; killing it")
        kill(process.processIdentifier, SIGKILL)
        _ = await Self.waitForExit(process, within: .seconds(2))
    }

    private static func waitForExit(_ process: Process, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while process.isRunning && ContinuousClock.now < deadline {
            try? await LoopSleep.sleep(for: .milliseconds(20))
        }
        return !process.isRunning
    }

    // MARK: - Launching

    private enum Outcome { case healthy, portInUse(String) }

    private func launch(port: Int) throws -> Process {
        let process = Process()
        process.executableURL = installation.python
        var arguments = [
            installation.launcher.path, "--port", String(port), "--parent-pid", String(getpid()),
            "--ctx", String(settings.contextSize),
        ]
        if let model = settings.modelPath { arguments += ["--model", model] }
        if let threads = settings.threads { arguments += ["--threads", String(threads)] }
        for extra in settings.extraArguments { arguments += ["--set", extra] }
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = try outputHandle()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw ChatError(
                kind: .configuration,
                message: "Could not start the local engine (\(installation.python.path)): \(error). "
                    + "Run `ponder engine install --force` to reinstall it.")
        }
        return process
    }

    private func outputHandle() throws -> FileHandle {
        let url = engineLogURL
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: url.path) else { return FileHandle.nullDevice }
        return handle
    }

    private var engineLogURL: URL {
        logFile ?? FileManager.default.temporaryDirectory.appendingPathComponent("ponder-engine-\(getpid()).log")
    }

    private func waitUntilHealthy(_ process: Process, port: Int) async throws -> Outcome {
        let deadline = ContinuousClock.now + startTimeout
        let url = "\(Self.root(port))/health"
        while ContinuousClock.now < deadline {
            if !process.isRunning {
                return try failure(of: process)
            }
            if await Self.isHealthy(url) { return .healthy }
            try await LoopSleep.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw ChatError(
            kind: .timeout,
            message: "The local engine did not become ready within \(startTimeout). Its log: \(engineLogURL.path)")
    }

    private func failure(of process: Process) throws -> Outcome {
        let output = (try? String(contentsOf: engineLogURL, encoding: .utf8)) ?? ""
        let lowered = output.lowercased()
        if lowered.contains("couldn't bind") || lowered.contains("address already in use") {
            return .portInUse(output)
        }
        let status = process.terminationStatus
        if status == 3 {
            throw ChatError(
                kind: .configuration,
                message: "The local engine could not find its model file. \(Self.lastLines(output)) "
                    + "Run `ponder engine install --force` to reinstall the default model, or fix model_path in [local]."
            )
        }
        if lowered.contains("out of memory") || lowered.contains("failed to allocate")
            || lowered.contains("cannot allocate") || process.terminationReason == .uncaughtSignal
        {
            throw ChatError(
                kind: .server,
                message: "The local engine ran out of memory loading the model. Choose a smaller model or a "
                    + "smaller context_size in [local]. Log: \(engineLogURL.path)")
        }
        throw ChatError(
            kind: .server,
            message: "The local engine failed to start (exit \(status)): \(Self.lastLines(output)) "
                + "Full log: \(engineLogURL.path)")
    }

    private static func isHealthy(_ url: String) async -> Bool {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
            response.status == .ok,
            let body = try? await response.body.collect(upTo: 4096)
        else { return false }
        return String(buffer: body).contains("ok")
    }

    private static func root(_ port: Int) -> String { "http://127.0.0.1:\(port)" }
    private static func baseURL(_ port: Int) -> String { "\(root(port))/v1" }

    /// The last meaningful lines of the engine's output, for messages.
    static func lastLines(_ output: String) -> String {
        output.split(whereSeparator: \.isNewline).suffix(2).joined(separator: " ")
    }
}
