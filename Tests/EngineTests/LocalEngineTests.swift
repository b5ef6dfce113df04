import AsyncHTTPClient
import Foundation
import NIOCore
import PonderCore
import TestTraits
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the real llama.cpp engine installed by `make engine` with its real small model.
@Suite(.serialized, .ownThreads) struct LocalEngineTests {
    let installation = LocalEngineInstallation.default()

    @Test func startsOnAFreePortAnswersAndStops() async throws {
        try #require(installation.isInstalled, "run `make engine` (ponder engine install) first")
        let engine = LocalEngine(installation: installation, settings: Self.smallSettings)
        let base = try await engine.start()
        #expect(base.hasPrefix("http://127.0.0.1:") && base.hasSuffix("/v1"))
        let pid = try #require(await engine.processID)
        #expect(try await engine.start() == base, "a running engine is reused")

        let stream = try await Self.chat(base, prompt: "Say hello.")
        #expect(stream.contains("data: [DONE]"))
        #expect(Self.contentText(stream).isEmpty == false)

        await engine.stop()
        #expect(kill(pid, 0) != 0, "the engine process is gone after stop()")
    }

    @Test func theEngineRunsWithNoSignalBlockedSoStopsTermReachesIt() async throws {
        try #require(installation.isInstalled, "run `make engine` (ponder engine install) first")
        let engine = LocalEngine(installation: installation, settings: Self.smallSettings)
        _ = try await engine.start()
        let pid = try #require(await engine.processID)
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let blocked = status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }.map(String.init)
        #expect(blocked?.hasSuffix("0000000000000000") == true, "signals blocked in the engine: \(blocked ?? "?")")
        await engine.stop()
        #expect(kill(pid, 0) != 0, "the engine process is gone after stop()")
    }

    @Test func restartsAfterTheEngineDies() async throws {
        try #require(installation.isInstalled, "run `make engine` (ponder engine install) first")
        let engine = LocalEngine(installation: installation, settings: Self.smallSettings)
        _ = try await engine.start()
        let first = try #require(await engine.processID)
        kill(first, SIGKILL)
        try await poll { await engine.isRunning == false }
        let base = try await engine.start()
        let second = try #require(await engine.processID)
        #expect(second != first)
        #expect(try await Self.chat(base, prompt: "Hi").contains("data: [DONE]"))
        await engine.stop()
    }

    @Test func aPortInUseIsSkipped() async throws {
        try #require(installation.isInstalled, "run `make engine` (ponder engine install) first")
        let (busyPort, busySocket) = try Self.listeningSocket()
        defer { close(busySocket) }
        let ports = PortSequence([busyPort])
        let engine = LocalEngine(installation: installation, settings: Self.smallSettings) { ports.next() }
        let base = try await engine.start()
        #expect(!base.contains(":\(busyPort)/"))
        await engine.stop()
    }

    @Test func aMissingEngineSaysHowToInstallIt() async throws {
        let empty = LocalEngineInstallation(directory: URL(fileURLWithPath: "/nonexistent/ponder-engine"))
        let engine = LocalEngine(installation: empty)
        await #expect {
            _ = try await engine.start()
        } throws: { error in
            (error as? ChatError)?.message.contains("ponder engine install") == true
        }
    }

    @Test func aMissingModelFileIsNamed() async throws {
        try #require(installation.isInstalled, "run `make engine` (ponder engine install) first")
        var settings = Self.smallSettings
        settings.modelPath = "/nonexistent/model.gguf"
        let engine = LocalEngine(installation: installation, settings: settings)
        await #expect {
            _ = try await engine.start()
        } throws: { error in
            (error as? ChatError)?.message.contains("/nonexistent/model.gguf") == true
        }
    }

    @Test func theLauncherExitsWhenItsParentIsKilled() async throws {
        try #require(installation.isInstalled, "run `make engine` (ponder engine install) first")
        let port = try #require(FreePort.find())
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: "/bin/bash")
        parent.arguments = [
            "-c",
            "\(installation.python.path) \(installation.launcher.path) --port \(port) --parent-pid $$ "
                + "--ctx 512 >/dev/null 2>&1 & echo $!; wait",
        ]
        let output = Pipe()
        parent.standardOutput = output
        try parent.run()
        let line = try #require(output.fileHandleForReading.readLine())
        let enginePID = try #require(Int32(line))
        try await poll(timeout: .seconds(60)) { await Self.healthy(port) }
        kill(parent.processIdentifier, SIGKILL)
        try await poll(timeout: .seconds(20)) { kill(enginePID, 0) != 0 }
    }

    // MARK: - Helpers

    static var smallSettings: LocalEngineSettings {
        var settings = LocalEngineSettings()
        settings.contextSize = 1024
        settings.threads = 2
        return settings
    }

    static func chat(_ base: String, prompt: String) async throws -> String {
        var request = HTTPClientRequest(url: "\(base)/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = """
            {"messages":[{"role":"user","content":"\(prompt)"}],"stream":true,"max_tokens":16}
            """
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        #expect(response.status == .ok)
        return String(buffer: try await response.body.collect(upTo: 1 << 20))
    }

    /// The concatenated `delta.content` of an OpenAI-style SSE stream.
    static func contentText(_ stream: String) -> String {
        var text = ""
        for line in stream.split(separator: "\n") where line.hasPrefix("data: {") {
            guard let data = line.dropFirst(6).data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let choices = object["choices"] as? [[String: Any]],
                let delta = choices.first?["delta"] as? [String: Any],
                let content = delta["content"] as? String
            else { continue }
            text += content
        }
        return text
    }

    static func healthy(_ port: Int) async -> Bool {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/health")
        request.method = .GET
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)) else { return false }
        return response.status == .ok
    }

    static func listeningSocket() throws -> (Int, Int32) {
        let (port, descriptor) = try #require(FreePort.bind(listening: true))
        return (port, descriptor)
    }
}

/// Hands out the given ports first, then free ones.
final class PortSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Int]

    init(_ ports: [Int]) { queue = ports }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return queue.isEmpty ? FreePort.find() : queue.removeFirst()
    }
}

extension FileHandle {
    /// Reads one line (without its newline) or nil at end of file.
    func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            let data = readData(ofLength: 1)
            guard let byte = data.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}

/// Waits until `condition` holds, checking every 50 ms, failing after `timeout`.
func poll(
    timeout: Duration = .seconds(30), _ condition: @Sendable () async -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let deadline = ContinuousClock.now + timeout
    // Looked at once more after the deadline: a sleep can end long after it while the runner's
    // threads are busy, and the condition may have held for a while by then.
    while true {
        if await condition() { return }
        if ContinuousClock.now >= deadline { break }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("condition not met within \(timeout)", sourceLocation: sourceLocation)
    throw CancellationError()
}
