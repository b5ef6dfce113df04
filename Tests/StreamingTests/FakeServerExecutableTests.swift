import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The `ponder-fake-server` executable: announces its URL on the first line and stops on SIGTERM.
@Suite(.ownThreads) struct FakeServerExecutableTests {
    /// The built executable: `$PONDER_BUILD_DIR`, else the directory holding the test bundle.
    static var executable: URL {
        if let dir = ProcessInfo.processInfo.environment["PONDER_BUILD_DIR"] {
            return URL(fileURLWithPath: dir).appendingPathComponent("ponder-fake-server")
        }
        var bundle = Bundle.main.bundleURL
        while bundle.pathComponents.count > 1,
            !FileManager.default.fileExists(
                atPath: bundle.appendingPathComponent("ponder-fake-server").path)
        {
            bundle.deleteLastPathComponent()
        }
        return bundle.appendingPathComponent("ponder-fake-server")
    }

    /// Started and reaped with `posix_spawn` and `waitpid`. Foundation's `Process` learns of an exit
    /// from a dispatch queue that shares its two threads with the test runner's tasks, which end-to-end
    /// tests hold while they wait synchronously; in one full run it still said "running" 15 s after
    /// SIGTERM, and reading the exit status then trapped the whole test process.
    @Test func firstLineIsTheURLAndSIGTERMStopsIt() async throws {
        let (pid, output) = try ChildProcess.spawn(
            [Self.executable.path, "--scenario", "fake-slow", "--reasoning-tokens", "5"], capturing: .stdout)
        let handle = FileHandle(fileDescriptor: try #require(output), closeOnDealloc: true)
        var status: Int32 = 0
        var reaped = false
        defer {
            if !reaped {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
            }
        }
        let firstLine = try #require(Self.readLine(handle))
        #expect(firstLine.hasPrefix("listening on http://127.0.0.1:"))
        let port = Int(firstLine.split(separator: ":").last ?? "")
        #expect(port != nil && port! > 0)
        kill(pid, SIGTERM)
        // `Poll.eventually` looks once more after the deadline, so a late wake never reports a server
        // that had exited long before.
        reaped = await Poll.eventually(timeout: 90) { waitpid(pid, &status, WNOHANG) == pid }
        try #require(reaped, "still running 90 s after SIGTERM: \(ProcessTable.threadStates(of: pid))")
        // Exited by itself with status 0 (a death by the signal would read 128 + 15).
        #expect(ChildProcess.exitStatus(status) == 0)
    }

    @Test func unknownScenarioIsAClearError() throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--scenario", "no-such-thing"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 2)
        #expect(message.contains("unknown scenario no-such-thing"))
        #expect(message.contains("fake-reasoner"))
    }

    @Test func faultScenariosAreListedAndSentTokensAreLogged() async throws {
        let list = Process()
        list.executableURL = Self.executable
        list.arguments = ["--list-scenarios"]
        let names = Pipe()
        list.standardOutput = names
        try list.run()
        list.waitUntilExit()
        let listed = String(decoding: names.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(listed == FakeScenario.named.map(\.name))
        #expect(listed.contains("fault-stall-reasoning") && listed.contains("fault-key-echo"))

        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sent-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = [
            "--scenario", "fake-slow", "--reasoning-tokens", "3", "--answer-tokens", "2", "--sent-log", log.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let url = try #require(Self.readLine(output.fileHandleForReading)).replacingOccurrences(
            of: "listening on ", with: "")
        let client = ClientHarness.client()
        let settings = ProviderSettings(name: "fake", kind: .deepseek, baseURL: url, model: "not-a-scenario")
        let outcome = await ClientHarness.run(client, ClientHarness.request(settings))
        await client.shutdown()
        #expect(outcome.terminal == .finished(.stop))
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
            try JSONValue.parse(String($0))
        }
        #expect(
            lines.compactMap { $0["text"]?.stringValue } == [
                "step 1 ", "step 2 ", "step 3 ", "You said: “hello there”.", " Point 1.",
            ])
        #expect(lines.allSatisfy { $0["request"] == 1 && ($0["time"]?.intValue ?? 0) > 1_700_000_000 })
    }

    /// Reads bytes up to the first newline (blocking; the server prints it right after binding).
    static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: 1)
            guard let byte = data.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}
