import Foundation
import PonderCore
import TestSupport
import Testing

/// The client against the fault scenarios that are not about timing: resets, bytes that are not
/// UTF-8, and an end without a finish reason — in every wire format.
@Suite(.serialized) struct FaultModeTests {
    typealias H = ClientHarness

    @Test(arguments: [ProviderKind.deepseek, .ollama, .anthropic])
    func anEndWithoutAFinishReasonIsNotReportedAsStop(kind: ProviderKind) async throws {
        try await H.withServer { server, client in
            let outcome = await H.run(
                client, H.request(H.settings(server, kind: kind, model: "fault-no-finish-reason")))
            #expect(outcome.terminal == .finished(.unspecified))
            #expect(outcome.reasoning == (1...12).map { "step \($0) " }.joined())
        }
    }

    @Test(arguments: [ProviderKind.deepseek, .ollama, .anthropic])
    func bytesThatAreNotUTF8BecomeReplacementCharacters(kind: ProviderKind) async throws {
        try await H.withServer { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, kind: kind, model: "fault-invalid-utf8")))
            #expect(outcome.terminal == .finished(.stop))
            #expect(outcome.reasoning.contains("step 3 bytes \u{FFFD}"))
            #expect(outcome.reasoning.contains(" here step 4 "))
            #expect(outcome.reasoning.hasSuffix("step 12 "))
        }
    }

    @Test(arguments: [("fault-reset-reasoning", 10, 0), ("fault-reset-answer", 10, 10)])
    func aResetKeepsWhatArrivedAndSaysSo(model: String, reasoning: Int, answer: Int) async throws {
        try await H.withServer { server, client in
            let outcome = await H.run(client, H.request(H.settings(server, model: model)))
            let error = try #require(outcome.error)
            #expect(error.kind == .interrupted)
            #expect(error.message.contains("connection reset by peer"))
            #expect(outcome.reasoning == (1...reasoning).map { "step \($0) " }.joined())
            #expect(outcome.answer.filter { $0 == "." }.count == answer, "one full stop per answer token")
        }
    }
}

/// An error object that echoes the request's credentials reaches the consumer without them.
@Suite(.serialized) struct KeyEchoTests {
    typealias H = ClientHarness

    @Test(arguments: [ProviderKind.deepseek, .ollama, .anthropic])
    func anErrorEchoingTheKeyArrivesRedacted(kind: ProviderKind) async throws {
        try await H.withServer { server, client in
            var settings = H.settings(server, kind: kind, model: "fault-key-echo")
            // A key with no recognisable shape: only knowing it finds it.
            settings.apiKey = APIKey(value: "plain0key0without0shape", source: "test")
            let outcome = await H.run(client, H.request(settings))
            let error = try #require(outcome.error)
            #expect(error.kind == .inBand)
            #expect(!error.message.contains("plain0key0without0shape"))
            #expect(error.message.contains("<redacted>"))
            #expect(outcome.reasoning == "step 1 step 2 step 3 step 4 ")
        }
    }
}
