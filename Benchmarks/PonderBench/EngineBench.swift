import Foundation
import PonderCore
import TestSupport

/// The local engine with its default small model: start-up time to healthy (median of 3 through
/// `LocalEngine`), and generation throughput of one fixed request (256 tokens at most, temperature 0)
/// read two ways in alternating rounds — through Ponder's `ChatClient` with the `local` provider's
/// settings, and as raw bytes straight from the engine's `/v1/chat/completions` — so that Ponder's own
/// cost shows as a share of throughput. Skipped with a message when the engine is not installed.
/// `PONDER_BENCH_ENGINE_ROUNDS` changes the number of rounds per side (default 4).
enum EngineBench {
    static let prompt = "Write a long story about a lighthouse keeper and a storm, in many paragraphs."
    static let maxTokens = 256

    /// One measured generation: tokens (the final usage when sent, else the deltas counted) and time.
    struct Generation {
        var tokens: Int
        var deltas: Int
        var duration: Duration

        var tokensPerSecond: Double { Double(tokens) / seconds(duration) }
    }

    static func run() async {
        let installation = LocalEngineInstallation.default()
        guard installation.isInstalled else {
            print("engine: skipped — the local engine is not installed in \(installation.directory.path) (make engine)")
            return
        }
        do {
            try await measure(installation)
        } catch {
            print("engine: failed: \(error)")
        }
    }

    private static func measure(_ installation: LocalEngineInstallation) async throws {
        let rounds = ProcessInfo.processInfo.environment["PONDER_BENCH_ENGINE_ROUNDS"].flatMap(Int.init) ?? 4
        let directory = try TemporaryDirectory(prefix: "ponder-engine-bench")
        let log = directory.url.appendingPathComponent("engine.log")

        var startups: [Double] = []
        for _ in 0..<3 {
            let engine = LocalEngine(installation: installation, logFile: log)
            let start = ContinuousClock.now
            _ = try await engine.start()
            startups.append(seconds(ContinuousClock.now - start))
            await engine.stop()
        }
        print(
            "engine: start-up to healthy: \(format(median(startups))) s median of 3 "
                + "(\(startups.map { format($0) }.joined(separator: ", ")) s)")

        let engine = LocalEngine(installation: installation, logFile: log)
        let client = ChatClient()
        do {
            try await compareThroughput(engine: engine, client: client, rounds: rounds)
        } catch {
            await client.shutdown()
            await engine.stop()
            throw error
        }
        await client.shutdown()
        await engine.stop()
    }

    /// Tokens per second through Ponder's client and read raw, in alternating rounds.
    private static func compareThroughput(engine: LocalEngine, client: ChatClient, rounds: Int) async throws {
        let baseURL = try await engine.start()
        guard let port = await engine.currentPort else { throw RawHTTPStream.Failure(description: "no engine port") }
        let request = chatRequest(baseURL: baseURL)
        // Warm-up: loads the weights into the page cache and the prompt into the engine's cache.
        _ = try await throughPonder(request, client: client)
        _ = try direct(request, port: port)
        var ponder: [Generation] = []
        var raw: [Generation] = []
        // Alternating rounds, and within them alternating order, so that neither side always runs first.
        for round in 0..<rounds {
            if round.isMultiple(of: 2) {
                raw.append(try direct(request, port: port))
                ponder.append(try await throughPonder(request, client: client))
            } else {
                ponder.append(try await throughPonder(request, client: client))
                raw.append(try direct(request, port: port))
            }
        }

        let ponderRate = median(ponder.map(\.tokensPerSecond))
        let rawRate = median(raw.map(\.tokensPerSecond))
        print(
            "engine: \(ponder[0].tokens) tokens (\(ponder[0].deltas) deltas) through Ponder's client: "
                + "\(format(ponderRate)) tok/s median of \(rounds)")
        print(
            "engine: \(raw[0].tokens) tokens (\(raw[0].deltas) deltas) read raw from the engine:  "
                + "\(format(rawRate)) tok/s median of \(rounds)")
        // Each round's two runs are next to each other in time, so their ratio cancels slow drifts of the
        // machine's load; the median of the rounds' ratios is the figure.
        let overheads = zip(ponder, raw).map { (1 - $0.tokensPerSecond / $1.tokensPerSecond) * 100 }
        print(
            "engine: Ponder's overhead: \(String(format: "%.1f", median(overheads)))% of throughput, median of "
                + "\(rounds) paired rounds (\(overheads.map { String(format: "%.1f", $0) }.joined(separator: ", "))%; "
                + "target < 2%)")
    }

    /// The request Ponder sends for the `local` provider, with a fixed length and temperature 0.
    static func chatRequest(baseURL: String) -> ChatRequest {
        let local =
            BuiltInProviders.all(environment: [:])["local"]
            ?? ProviderConfig(name: "local", kind: .local, baseURL: baseURL, model: "local")
        var settings = local.settings(apiKey: nil, baseURL: baseURL)
        settings.maxTokens = maxTokens
        settings.temperature = 0
        return ChatRequest(
            settings: settings, history: [Message(conversationID: .make(), role: .user, answer: prompt)])
    }

    /// Streams the request through `ChatClient`, counting deltas as Ponder does.
    static func throughPonder(_ request: ChatRequest, client: ChatClient) async throws -> Generation {
        var deltas = 0
        var usage: TokenUsage?
        var failure: String?
        let start = ContinuousClock.now
        for await event in client.stream(request) {
            switch event {
            case .answer, .reasoning: deltas += 1
            case .usage(let reported): usage = reported
            case .phase(.failed(let error)): failure = error.message
            default: break
            }
        }
        let duration = ContinuousClock.now - start
        if let failure { throw RawHTTPStream.Failure(description: failure) }
        return Generation(tokens: usage?.completionTokens ?? deltas, deltas: deltas, duration: duration)
    }

    /// Sends the same request body over a plain socket and counts the same tokens in the raw stream.
    static func direct(_ request: ChatRequest, port: Int) throws -> Generation {
        let prepared = RequestBuilder.chatRequest(for: request)
        let path =
            prepared.url.range(of: "/v1/").map { String(prepared.url[$0.lowerBound...]) } ?? "/v1/chat/completions"
        let response = try RawHTTPStream(port: port).post(
            path: path, headers: prepared.headers, body: prepared.body?.serializedBytes ?? [])
        guard response.status == 200 else {
            throw RawHTTPStream.Failure(
                description: "engine answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        var deltas = 0
        var completionTokens: Int?
        let text = String(decoding: response.body, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("data: {") {
            guard let chunk = try? JSONValue.parse(String(line.dropFirst(6))) else { continue }
            if let tokens = chunk["usage"]?["completion_tokens"]?.intValue { completionTokens = tokens }
            let delta = chunk["choices"]?[0]?["delta"]
            if delta?["content"]?.nonEmptyString != nil || delta?["reasoning_content"]?.nonEmptyString != nil {
                deltas += 1
            }
        }
        return Generation(tokens: completionTokens ?? deltas, deltas: deltas, duration: response.duration)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func format(_ value: Double) -> String { String(format: value >= 100 ? "%.0f" : "%.2f", value) }
}
