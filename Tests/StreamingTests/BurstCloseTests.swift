import Foundation
import PonderCore
import TestSupport
import Testing

/// A server that sends fast and then closes the connection (FIN, no final chunk): every byte that
/// arrived before the close must reach the consumer, run after run.
@Suite(.serialized) struct BurstCloseTests {
    typealias H = ClientHarness

    /// The first `count` answer tokens of the plain voice, as the fake server writes them.
    static func answer(_ count: Int) -> String {
        "You said: “hello there”." + (1..<count).map { " Point \($0)." }.joined()
    }

    static func reasoning(_ count: Int) -> String {
        (1...count).map { "step \($0) " }.joined()
    }

    /// How many tokens arrived: reasoning tokens are `step N `, answer tokens end with a full stop.
    static func tokens(_ outcome: ClientHarness.Outcome) -> Int {
        outcome.reasoning.components(separatedBy: "step ").count - 1 + outcome.answer.filter { $0 == "." }.count
    }

    @Test func burstThenCloseKeepsEveryTokenEveryTime() async throws {
        try await H.withServer { server, client in
            for run in 1...20 {
                let outcome = await H.run(client, H.request(H.settings(server, model: "fault-burst-close")))
                #expect(outcome.error?.kind == .interrupted, "run \(run)")
                let keptAll = outcome.reasoning == Self.reasoning(100) && outcome.answer == Self.answer(20)
                #expect(keptAll, "run \(run): kept \(Self.tokens(outcome)) of 120 tokens")
            }
        }
    }

    @Test func smallChunksBackToBackThenCloseKeepEveryToken() async throws {
        try await H.withServer { server, client in
            for run in 1...20 {
                let outcome = await H.run(client, H.request(H.settings(server, model: "fault-burst-chunks-close")))
                #expect(outcome.error?.kind == .interrupted, "run \(run)")
                let keptAll = outcome.reasoning == Self.reasoning(30) && outcome.answer == Self.answer(10)
                #expect(keptAll, "run \(run): kept \(Self.tokens(outcome)) of 40 tokens")
            }
        }
    }

    @Test(arguments: [ProviderKind.ollama, .anthropic])
    func otherFormatsKeepEveryTokenToo(kind: ProviderKind) async throws {
        try await H.withServer { server, client in
            for run in 1...5 {
                let outcome = await H.run(
                    client, H.request(H.settings(server, kind: kind, model: "fault-burst-close")))
                let keptAll = outcome.reasoning == Self.reasoning(100) && outcome.answer == Self.answer(20)
                #expect(keptAll, "run \(run): kept \(Self.tokens(outcome)) of 120 tokens")
            }
        }
    }
}
