import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// A provider error that echoes the API key, through every sink of the command line: stderr, the
/// `--json` error event, the stored message, `show`, and both export formats. (The full-screen app
/// shows the error the client reports, which `KeyEchoTests` checks.)
@Suite(.serialized, .ownThreads) struct KeyRedactionTests {
    static let key = "plain0key0for0ask0tests"

    @Test func anEchoedKeyReachesNoSink() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        cli.environment["FAKE_KEY"] = Self.key
        try cli.writeConfig(baseURL: server.baseURL, model: "fault-key-echo")

        let printed = try cli.run(["ask", "hello"])
        #expect(printed.status == 75)
        #expect(printed.stderr.contains("<redacted>"))
        let json = try cli.run(["ask", "--json", "hello again"])
        #expect(json.status == 75)
        let errorEvent = json.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
            .first { $0["type"]?.stringValue == "error" }
        #expect(errorEvent?["message"]?.stringValue?.contains("<redacted>") == true)
        #expect(server.receivedRequests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.key)" })

        let store = try ConversationStore.open(at: cli.databaseURL)
        let conversations = try store.listConversations()
        #expect(conversations.count == 2)
        var sinks = ["stderr": printed.stderr + json.stderr, "--json": json.stdout]
        for (index, summary) in conversations.enumerated() {
            let id = String(summary.id.rawValue.prefix(8))
            let answer = try #require(try store.messages(in: summary.id).last)
            #expect(answer.status == .failed)
            #expect(answer.reasoning == "step 1 step 2 step 3 step 4 ")
            sinks["stored error \(index)"] = answer.errorText ?? ""
            sinks["show \(index)"] = try cli.run(["show", id]).stdout
            sinks["export md \(index)"] = try cli.run(["export", id]).stdout
            sinks["export json \(index)"] = try cli.run(["export", "--format", "json", id]).stdout
        }
        for (sink, text) in sinks {
            #expect(!text.contains(Self.key), "the key reached \(sink)")
            #expect(!text.isEmpty, "\(sink) is empty")
        }
        for path in [cli.databaseURL.path, cli.databaseURL.path + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            #expect(bytes.range(of: Data(Self.key.utf8)) == nil, "the key is in \(path)")
        }
    }
}
