import Foundation
import PonderCore
import TestSupport
import Testing

/// The real `ChatClient` against the real fake server: formats, request bodies and every fault mode.
@Suite(.serialized) struct ChatClientTests {
    typealias H = ClientHarness

    @Test func deepSeekStreamEndToEnd() async throws {
        try await H.withServer { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.reasoning == (1...12).map { "step \($0) " }.joined())
            #expect(outcome.answer.hasPrefix("You said: “hello there”."))
            #expect(outcome.phases == [.connecting, .thinking, .answering, .finished(.stop)])
            #expect(outcome.events.filter { if case .reasoning = $0 { true } else { false } }.count == 12)
            let usage = try #require(outcome.usage)
            #expect(usage.reasoningTokens == 12)
            #expect(usage.completionTokens == 20)
            #expect(usage.cacheMissTokens != nil)
            let timings = try #require(outcome.timings)
            #expect(timings.sent != nil && timings.firstByte != nil && timings.finished != nil)
            #expect(timings.firstReasoning! <= timings.firstAnswer!)
            let recorded = try #require(server.receivedRequests.first)
            #expect(recorded.path == "/chat/completions")
            #expect(recorded.headers["authorization"] == "Bearer \(H.key.value)")
            #expect(recorded.json?["model"] == "deepseek-reasoner")
            #expect(recorded.json?["messages"]?[0]?["content"] == "hello there")
        }
    }

    @Test(arguments: [ProviderKind.ollama, .anthropic, .openai])
    func otherWireFormats(kind: ProviderKind) async throws {
        try await H.withServer { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, kind: kind)))
            #expect(outcome.reasoning == (1...12).map { "step \($0) " }.joined())
            #expect(outcome.answer.hasPrefix("You said: “hello there”."))
            #expect(outcome.terminal == .finished(.stop))
            #expect(outcome.usage?.completionTokens == 20)
        }
    }

    @Test(arguments: [
        (401, ChatError.Kind.unauthorized), (402, .insufficientBalance), (422, .invalidParameters), (400, .badRequest),
    ])
    func httpErrorsAreTypedAndNotRetried(status: Int, kind: ChatError.Kind) async throws {
        try await H.withServer(.status(status)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            let error = try #require(outcome.error)
            #expect(error.kind == kind)
            #expect(error.httpStatus == status)
            #expect(!error.message.contains(H.key.value))
            if status == 401 { #expect(error.message.contains("PONDER_TEST_KEY")) }
            if status == 402 { #expect(error.message.contains("Insufficient Balance")) }
            #expect(server.receivedRequests.count == 1)
        }
    }

    @Test(arguments: [(429, ChatError.Kind.rateLimited), (500, .server), (503, .serverOverloaded)])
    func retryableErrorsAreRetriedThenReported(status: Int, kind: ChatError.Kind) async throws {
        try await H.withServer(.status(status), client: H.client(maxRetries: 2)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.error?.kind == kind)
            let retries = outcome.phases.compactMap { if case .retrying(let attempt, _) = $0 { attempt } else { nil } }
            #expect(retries == [1, 2])
            #expect(server.receivedRequests.count == 3)
        }
    }

    @Test func rateLimitedThenSuccess() async throws {
        try await H.withServer { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, model: "fake-429-then-ok")))
            #expect(outcome.terminal == .finished(.stop))
            #expect(outcome.phases.contains { if case .retrying(1, _) = $0 { true } else { false } })
            #expect(outcome.reasoning.hasPrefix("step 1 "))
            #expect(server.receivedRequests.count == 2)
        }
    }

    @Test func closeAfterTokensIsInterruptedWithPartialText() async throws {
        try await H.withServer(.closeEarly) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.error?.kind == .interrupted)
            #expect(outcome.reasoning == "step 1 step 2 step 3 step 4 step 5 ")
        }
    }

    @Test func stallHitsTheIdleTimeout() async throws {
        try await H.withServer(.stall, client: H.client(idleTimeout: 1)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.error?.kind == .timeout)
            #expect(outcome.reasoning == "step 1 step 2 step 3 ")
        }
    }

    @Test(arguments: [ProviderKind.deepseek, .ollama, .anthropic])
    func malformedLineFails(kind: ProviderKind) async throws {
        try await H.withServer(FakeScenario(fault: .malformedLine(afterTokens: 2))) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, kind: kind)))
            #expect(outcome.error?.kind == .malformedStream)
            #expect(outcome.reasoning == "step 1 step 2 ")
        }
    }

    @Test(arguments: [ProviderKind.deepseek, .ollama, .anthropic])
    func inBandErrorFails(kind: ProviderKind) async throws {
        try await H.withServer(FakeScenario(fault: .inBandError(afterTokens: 3))) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, kind: kind)))
            #expect(outcome.error?.kind == .inBand)
            #expect(outcome.reasoning == "step 1 step 2 step 3 ")
        }
    }

    @Test func multibyteCharacterSplitAcrossWrites() async throws {
        try await H.withServer(FakeScenario(reasoningTokens: 3, splitMultibyte: true)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.reasoning == "é🤔 split step 2 step 3 ")
            #expect(outcome.terminal == .finished(.stop))
        }
    }

    @Test(arguments: [ProviderKind.deepseek, .ollama, .anthropic])
    func crlfLineEnds(kind: ProviderKind) async throws {
        try await H.withServer(FakeScenario(crlf: true)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, kind: kind)))
            #expect(outcome.reasoning == (1...12).map { "step \($0) " }.joined())
            #expect(outcome.terminal == .finished(.stop))
        }
    }

    @Test func keepAlivesBeforeTheFirstTokenShowAsQueued() async throws {
        try await H.withServer(FakeScenario(keepAlivesBeforeFirstToken: 3)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.phases.prefix(3) == [.connecting, .queued, .thinking])
            #expect(outcome.terminal == .finished(.stop))
        }
    }

    @Test func tenMegabyteLine() async throws {
        let size = 10 << 20
        // Decoding 10 MB in a debug build on a busy machine can pause reads for many seconds; this test
        // is about line length, so the idle timeout is set well above that.
        try await H.withServer(
            FakeScenario(reasoningTokens: 2, answerTokens: 1, fault: .hugeLine(bytes: size)),
            client: H.client(idleTimeout: 180)
        ) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.terminal == .finished(.stop))
            #expect(outcome.reasoning.utf8.count == size + "step 2 ".utf8.count)
        }
        try await H.withServer(
            FakeScenario(reasoningTokens: 2, fault: .hugeLine(bytes: size)),
            client: H.client(idleTimeout: 180, maximumLineLength: 1 << 20)
        ) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.error?.kind == .malformedStream)
        }
    }

    @Test func missingDoneAfterFinishReasonStillFinishes() async throws {
        try await H.withServer(FakeScenario(fault: .noDone)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server)))
            #expect(outcome.terminal == .finished(.stop))
        }
    }

    @Test(arguments: [ProviderKind.deepseek, .ollama, .anthropic])
    func endWithoutAnyEndMarkerIsInterrupted(kind: ProviderKind) async throws {
        try await H.withServer(FakeScenario(fault: .noEndMarker)) { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, kind: kind)))
            #expect(outcome.error?.kind == .interrupted)
            #expect(outcome.answer.hasPrefix("You said:"))
        }
    }

    @Test func cancellingTheConsumerClosesTheConnection() async throws {
        try await H.withServer(.slow) { server, client in
            let stream = client.stream(H.request(H.settings(server)))
            let consumer = Task {
                var reasoningEvents = 0
                for await event in stream {
                    if case .reasoning = event { reasoningEvents += 1 }
                }
                return reasoningEvents
            }
            #expect(await Poll.eventually { server.receivedRequests.count == 1 })
            let recorded = try #require(server.receivedRequests.first)
            consumer.cancel()
            let started = Date()
            #expect(await Poll.eventually { server.connectionClosed(for: recorded) })
            #expect(Date().timeIntervalSince(started) < 5)
            _ = await consumer.value
        }
    }

    @Test func connectionRefusedIsReportedAtOnce() async throws {
        let server = try await FakeServer.start()
        let url = server.baseURL
        await server.stop()
        // Retrying the refused connection would end, after the connect timeout, as a timeout error.
        let client = H.client(connectTimeout: 30)
        var settings = H.settings(server)
        settings.baseURL = url
        let started = Date()
        let outcome = await H.run(client, H.request(settings))
        let waited = Date().timeIntervalSince(started)
        await client.shutdown()
        #expect(outcome.error?.kind == .network)
        #expect(outcome.error?.message.contains("127.0.0.1: connection refused") == true)
        #expect(waited < 15, "reported after \(waited) s, with a connect timeout of 30 s")
    }

    @Test func unresolvableHostIsANetworkError() async throws {
        let client = H.client(connectTimeout: 2)
        let settings = ProviderSettings(
            name: "nowhere", kind: .openai, baseURL: "http://nonexistent-host.invalid", model: "m", apiKey: H.key)
        let outcome = await H.run(client, H.request(settings))
        await client.shutdown()
        #expect(outcome.error?.kind == .network || outcome.error?.kind == .timeout)
    }

    @Test func badBaseURLIsAConfigurationError() async throws {
        let client = H.client()
        let settings = ProviderSettings(name: "x", kind: .openai, baseURL: "not a url", model: "m")
        let outcome = await H.run(client, H.request(settings))
        await client.shutdown()
        #expect(outcome.error?.kind == .configuration)
    }

    @Test func modelNamePicksTheScenario() async throws {
        try await H.withServer { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, model: "fake-401")))
            #expect(outcome.error?.kind == .unauthorized)
            let chinese = await H.run(client, H.request(H.settings(server, model: "fake-chinese"), prompt: "你好"))
            #expect(chinese.answer.hasPrefix("你说：「你好」"))
            #expect(chinese.reasoning.contains("🤔"))
        }
    }

    @Test func listModels() async throws {
        try await H.withServer { server, client in
            for kind in [ProviderKind.deepseek, .openai, .ollama] {
                let names = try await client.listModels(H.settings(server, kind: kind))
                #expect(names.contains("fake-reasoner"))
                #expect(names.contains("fake-long"))
            }
        }
    }

    @Test func proxyFromSettingsIsUsedUnlessExempted() async throws {
        let proxyServer = try await FakeServer.start()
        let proxy = ProxySettings(
            https: .init(host: "127.0.0.1", port: proxyServer.port),
            http: .init(host: "127.0.0.1", port: proxyServer.port),
            noProxy: ["exempt.invalid"])
        let client = ChatClient(configuration: .init(connectTimeout: 2, idleTimeout: 20, proxy: proxy))
        let settings = ProviderSettings(
            name: "upstream", kind: .deepseek, baseURL: "https://upstream.invalid:8443", model: "fake-reasoner",
            apiKey: H.key)
        let outcome = await H.run(client, H.request(settings))
        #expect(outcome.error?.kind == .network)
        #expect(outcome.error?.message.contains("proxy") == true)
        let tunnels = proxyServer.receivedRequests
        #expect(!tunnels.isEmpty)
        #expect(tunnels.allSatisfy { $0.method == "CONNECT" && $0.target == "upstream.invalid:8443" })
        #expect(tunnels.allSatisfy { $0.headers["authorization"] == nil })
        var exempt = settings
        exempt.baseURL = "http://exempt.invalid:9"
        let direct = await H.run(client, H.request(exempt))
        #expect(direct.error?.kind == .network || direct.error?.kind == .timeout)
        #expect(proxyServer.receivedRequests.count == tunnels.count)
        await client.shutdown()
        await proxyServer.stop()
    }
}
