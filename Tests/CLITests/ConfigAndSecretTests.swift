import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// Config files good and bad, and the API key never reaching the disk.
@Suite(.serialized, .ownThreads) struct ConfigAndSecretTests {
    @Test func badConfigStopsWithLineNumbers() throws {
        let cli = try CLIHarness()
        try cli.writeConfig(
            text: """
                default_provider = "fake"

                [providers.fake]
                kind = "deepseek"
                base_url = "ftp://example.com"
                model = "x"
                thinking = "sometimes"

                """)

        let ask = try cli.run(["ask", "hello"])
        let check = try cli.run(["config", "check"])

        #expect(ask.status == 78)
        #expect(check.status == 78)
        #expect(ask.stderr == check.stderr)
        #expect(ask.stderr.contains("config.toml:5: "))
        #expect(ask.stderr.contains("config.toml:7: "))
        #expect(ask.stdout.isEmpty)
        #expect(try cli.run(["models"]).status == 78)
    }

    @Test func tomlSyntaxErrorsNameTheLine() throws {
        let cli = try CLIHarness()
        try cli.writeConfig(text: "default_provider = \"deepseek\"\n[ui\ntheme = \"dark\"\n")
        let ask = try cli.run(["ask", "hello"])
        #expect(ask.status == 78)
        #expect(ask.stderr.contains("config.toml:2"))
    }

    @Test func goodConfigChecksAndListsModels() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        let check = try cli.run(["config", "check"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("default provider: fake"))
        let models = try cli.run(["models", "-p", "fake"])
        #expect(models.status == 0)
        #expect(models.stdout.split(separator: "\n").first == "fake-reasoner")
        let json = try JSONValue.parse(try cli.run(["models", "-p", "fake", "--json"]).stdout)
        #expect(json.arrayValue?.contains(.string("fake-slow")) == true)
    }

    @Test func literalKeyInAReadableFileWarns() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(
            text: """
                default_provider = "fake"
                [providers.fake]
                kind = "deepseek"
                base_url = "\(server.baseURL)"
                model = "fake-reasoner"
                api_key = "\(CLIHarness.apiKey)"

                """)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.configURL.path)
        let result = try cli.run(["ask", "--hide-reasoning", "hello"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: "))
        #expect(!result.stderr.contains(CLIHarness.apiKey))
    }

    @Test func keyNeverReachesTheDatabaseOrTheLog() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)

        #expect(try cli.run(["ask", "remember this"]).status == 0)
        #expect(try cli.run(["ask", "-m", "fake-401", "and this"]).status == 77)
        #expect(try cli.run(["ask", "-m", "fake-slow", "--continue", "more"]).status == 0)
        let sent = try #require(server.receivedRequests.last)
        #expect(sent.headers["authorization"] == "Bearer \(CLIHarness.apiKey)")

        let database = cli.databaseURL.path
        let files = [database, database + "-wal", database + "-shm", cli.logURL.path]
        let existing = files.filter { FileManager.default.fileExists(atPath: $0) }
        #expect(existing.contains(database) && existing.contains(cli.logURL.path))
        #expect(try Data(contentsOf: cli.logURL).count > 0)
        let key = Data(CLIHarness.apiKey.utf8)
        for path in existing {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: key) == nil, "the key is in \(path)")
        }
        let export = try cli.run([
            "export", "--format", "json",
            String(
                try #require(
                    try ConversationStore.open(at: cli.databaseURL).listConversations().first
                ).id.rawValue.prefix(8)),
        ])
        #expect(!export.stdout.contains(CLIHarness.apiKey))
    }
}
