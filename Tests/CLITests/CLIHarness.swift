import Foundation
import PonderCore
import TestSupport

/// Runs the built `ponder` binary in an isolated home (HOME and every XDG directory in a temp dir,
/// no local engine, a config file of its own) against a fake provider on 127.0.0.1.
final class CLIHarness {
    /// What a finished `ponder` run left behind.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: TemporaryDirectory
    let ponder: URL
    var environment: [String: String]
    static let apiKey = "sk-ponder-test-4f1c9a7e2b"

    init() throws {
        directory = try TemporaryDirectory(prefix: "ponder-cli")
        ponder = try BuildProducts.executable("ponder")
        let root = directory.path
        environment = [
            "HOME": root, "XDG_CONFIG_HOME": root + "/config", "XDG_DATA_HOME": root + "/data",
            "XDG_STATE_HOME": root + "/state", "PONDER_CONFIG": root + "/config.toml",
            "PONDER_ENGINE_DIR": root + "/no-engine", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
            "FAKE_KEY": Self.apiKey, "TERM": "dumb",
        ]
    }

    var configURL: URL { URL(fileURLWithPath: environment["PONDER_CONFIG"]!) }
    var databaseURL: URL { XDGPaths(environment: environment).databaseFile }
    var logURL: URL { XDGPaths(environment: environment).logFile }

    /// A config whose default provider `fake` is the server at `baseURL`; `extra` lines go into
    /// its provider table.
    func writeConfig(baseURL: String, model: String = "fake-reasoner", extra: String = "") throws {
        try writeConfig(
            text: """
                default_provider = "fake"

                [providers.fake]
                kind = "deepseek"
                base_url = "\(baseURL)"
                model = "\(model)"
                api_key_env = "FAKE_KEY"
                \(extra)

                """)
    }

    func writeConfig(text: String) throws {
        try Data(text.utf8).write(to: configURL)
    }

    /// Runs `ponder arguments` to the end with `stdin` as its standard input (empty when nil).
    func run(_ arguments: [String], stdin: String = "", timeout: Double = 60) throws -> Result {
        try finish(start(arguments, stdin: stdin), arguments, timeout: timeout)
    }

    /// Waits for `running` to exit; one that does not within `timeout` is killed (SIGKILL: a
    /// process started from a test thread inherits that thread's mask, which blocks SIGTERM).
    private func finish(_ running: RunningPonder, _ arguments: [String], timeout: Double) throws -> Result {
        guard running.waitForExit(timeout: timeout) else {
            kill(running.process.processIdentifier, SIGKILL)
            throw CLIHarnessError(message: "ponder \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        return running.result
    }

    /// Starts `ponder arguments` and returns at once.
    func start(_ arguments: [String], stdin: String = "") throws -> RunningPonder {
        try RunningPonder(executable: ponder, arguments: arguments, environment: environment, stdin: stdin)
    }

    /// Runs `ponder arguments` through `wrapper`, which returns the whole command line for a given
    /// `ponder` command line (see `MountNamespace`).
    func run(_ arguments: [String], wrappedBy wrapper: ([String]) -> [String], timeout: Double = 60) throws -> Result {
        let command = wrapper([ponder.path] + arguments)
        let running = try RunningPonder(
            executable: URL(fileURLWithPath: command[0]), arguments: Array(command.dropFirst()),
            environment: environment, stdin: "")
        return try finish(running, arguments, timeout: timeout)
    }

    /// Runs `ponder arguments` as a user without privileges, so that file permissions apply: as
    /// root, through `setpriv` as `nobody`, after giving that user the whole temporary home.
    func runUnprivileged(_ arguments: [String], timeout: Double = 60) throws -> Result {
        guard geteuid() == 0 else { return try run(arguments, timeout: timeout) }
        let nobody: uid_t = 65534
        let owned = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
        for path in [directory.path] + owned.map({ directory.path + "/" + $0 }) {
            _ = lchown(path, nobody, nobody)
        }
        return try run(
            arguments,
            wrappedBy: { ["/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups"] + $0 },
            timeout: timeout)
    }
}

/// A `ponder` process whose output is collected as it arrives.
final class RunningPonder: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    private let outDone = DispatchSemaphore(value: 0)
    private let errDone = DispatchSemaphore(value: 0)

    init(executable: URL, arguments: [String], environment: [String: String], stdin: String) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        collect(output.fileHandleForReading, isError: false, done: outDone)
        collect(errors.fileHandleForReading, isError: true, done: errDone)
        try process.run()
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: Data(stdin.utf8))
            try? writer.close()
        }
    }

    private func collect(_ handle: FileHandle, isError: Bool, done: DispatchSemaphore) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                if isError { err.append(chunk) } else { out.append(chunk) }
                lock.unlock()
            }
            done.signal()
        }
    }

    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: out, as: UTF8.self)
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: err, as: UTF8.self)
    }

    /// True when the process exited (and its output was read to the end) within `timeout` seconds.
    func waitForExit(timeout: Double) -> Bool {
        guard Poll.until(timeout: timeout, { !process.isRunning }) else { return false }
        process.waitUntilExit()
        _ = outDone.wait(timeout: .now() + 10)
        _ = errDone.wait(timeout: .now() + 10)
        return true
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    var result: CLIHarness.Result {
        CLIHarness.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

struct CLIHarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension FakeServer.RecordedRequest {
    /// The `content` of each message sent, in order.
    var sentMessages: [(role: String, content: String)] {
        (json?["messages"]?.arrayValue ?? []).map {
            ($0["role"]?.stringValue ?? "", $0["content"]?.stringValue ?? "")
        }
    }
}
