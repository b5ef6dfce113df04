import Foundation
import PonderCore
import TestSupport
import Testing

/// The idle timeout of a provider (`idle_timeout`): a stream that goes silent is cut after it, with
/// a message naming the setting; keep-alive comments count as life, so a request the provider keeps
/// queued for longer than the timeout is never cut.
@Suite(.serialized) struct IdleTimeoutTests {
    typealias H = ClientHarness

    @Test func aSilentStreamIsCutAfterTheProvidersIdleTimeout() async throws {
        try await H.withServer(client: H.client(idleTimeout: 60)) { server, client in
            var settings = H.settings(server, model: "fault-stall-reasoning")
            settings.idleTimeout = 1
            let outcome = await H.run(client, H.request(settings))
            let error = try #require(outcome.error)
            #expect(error.kind == .timeout)
            #expect(
                error.message
                    == "The provider sent nothing for 1 s; Ponder gave up waiting. The partial response was kept; "
                    + "retry, or raise idle_timeout in [providers.fake] in the config.")
            #expect(outcome.reasoning == "step 1 step 2 step 3 step 4 step 5 ")
            let timings = try #require(outcome.timings)
            let silence = try #require(timings.finished).timeIntervalSince(try #require(timings.firstReasoning))
            #expect(silence < 30, "cut after \(silence) s, not after the client's 60 s")
        }
    }

    @Test func keepAlivesForLongerThanTheTimeoutKeepAQueuedRequestAlive() async throws {
        try await H.withServer { server, client in
            var settings = H.settings(server, model: "fault-keepalive-queue")
            settings.idleTimeout = 1
            let outcome = await H.run(client, H.request(settings))
            #expect(outcome.terminal == .finished(.stop))
            #expect(outcome.phases.prefix(3) == [.connecting, .queued, .thinking])
            // The server spends 3 s on keep-alives before the first token (so the request outlived
            // its 1 s timeout); the client's timings record when it handled each part, which under
            // load can be later than the part arrived, so only the whole request's length is checked.
            let timings = try #require(outcome.timings)
            let lasted = try #require(timings.finished).timeIntervalSince(try #require(timings.sent))
            #expect(lasted > 2.9, "the request lasted \(lasted) s")
        }
    }
}
