import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// list, show, search, export, import and rm on a store filled through `ponder ask`.
@Suite(.serialized, .ownThreads) struct HistoryCommandTests {
    private func ask(_ cli: CLIHarness, _ prompt: String) throws -> String {
        let result = try cli.run(["ask", "--json", prompt])
        #expect(result.status == 0, "\(result.stderr)")
        let done = result.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }.last
        return try #require(done?["conversation_id"]?.stringValue)
    }

    @Test func roundTrip() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL)
        let alpha = try ask(cli, "alpha question")
        let beta = try ask(cli, "beta question")

        let list = try cli.run(["list"])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.first?.hasPrefix(String(beta.prefix(8))) == true && lines.first?.hasSuffix("beta question") == true)
        let listed = try #require(try JSONValue.parse(try cli.run(["list", "--json"]).stdout).arrayValue)
        #expect(listed.compactMap { $0["id"]?.stringValue } == [beta, alpha])
        #expect(listed.first?["title"]?.stringValue == "beta question")

        let shown = try cli.run(["show", String(alpha.prefix(6)), "--reasoning"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("alpha question"))
        #expect(shown.stdout.contains("step 1 step 2"))
        #expect(shown.stdout.contains("You said: “alpha question”."))
        #expect(!(try cli.run(["show", alpha]).stdout.contains("step 1")))
        let shownJSON = try JSONValue.parse(try cli.run(["show", alpha, "--json"]).stdout)
        #expect(shownJSON["messages"]?.arrayValue?.count == 2)

        let search = try cli.run(["search", "--json", "beta"])
        let hits = try #require(try JSONValue.parse(search.stdout).arrayValue)
        #expect(!hits.isEmpty && hits.allSatisfy { $0["conversation_id"]?.stringValue == beta })
        let none = try cli.run(["search", "nothing-like-this"])
        #expect(none.status == 1)

        let markdown = cli.directory.url.appendingPathComponent("alpha.md")
        let exportMD = try cli.run(["export", alpha, "--format", "md", "-o", markdown.path])
        #expect(exportMD.status == 0)
        #expect(try String(contentsOf: markdown, encoding: .utf8).contains("You said: “alpha question”."))
        let jsonFile = cli.directory.url.appendingPathComponent("alpha.json")
        #expect(try cli.run(["export", alpha, "--format", "json", "-o", jsonFile.path]).status == 0)
        let folder = cli.directory.url.appendingPathComponent("all/")
        #expect(try cli.run(["export", "--all", "--format", "md", "-o", folder.path + "/"]).status == 0)
        let allLines = cli.directory.url.appendingPathComponent("all.jsonl")
        #expect(try cli.run(["export", "--all", "-o", allLines.path]).status == 0)
        // Exported text is as private as the store: owner-only, whatever the umask.
        let written =
            [markdown.path, jsonFile.path, allLines.path]
            + (try FileManager.default.contentsOfDirectory(atPath: folder.path)).map { folder.path + "/" + $0 }
        #expect(written.count == 5)
        for path in written {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(path)")
        }

        let removed = try cli.run(["rm", "--json", String(alpha.prefix(8))])
        #expect(removed.status == 0)
        #expect(try JSONValue.parse(removed.stdout)[0]?["id"]?.stringValue == alpha)
        #expect(try cli.run(["show", alpha]).status == 66)
        #expect(try JSONValue.parse(try cli.run(["list", "--json"]).stdout).arrayValue?.count == 1)

        let imported = try cli.run(["import", "--json", jsonFile.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try JSONValue.parse(imported.stdout)["conversation_id"]?.stringValue == alpha)
        let restored = try cli.run(["show", alpha, "--reasoning"])
        #expect(restored.stdout == shown.stdout)
    }

    @Test func badInputGetsClearMessages() throws {
        let cli = try CLIHarness()
        let missing = try cli.run(["import", cli.directory.path + "/nope.json"])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("ponder: "))
        let garbage = cli.directory.url.appendingPathComponent("garbage.json")
        try Data("{\"not\": \"an export\"}".utf8).write(to: garbage)
        let bad = try cli.run(["import", garbage.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("ponder: "))
        #expect(try cli.run(["rm", "abcd"]).status == 66)
        #expect(try cli.run(["export", "abcd", "--format", "pdf"]).status == 64)
    }

    @Test func corruptStoreIsExplainedAndRepaired() throws {
        let cli = try CLIHarness()
        try FileManager.default.createDirectory(
            at: cli.databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 8192).write(to: cli.databaseURL)

        let list = try cli.run(["list"])
        #expect(list.status == 74)
        #expect(list.stderr.contains("ponder db repair"))

        let repair = try cli.run(["db", "repair"])
        #expect(repair.status == 0, "\(repair.stderr)")
        let moved = try FileManager.default.contentsOfDirectory(
            atPath: cli.databaseURL.deletingLastPathComponent().path)
        #expect(moved.contains { $0.hasPrefix("ponder.sqlite.corrupt-") })
        #expect(try cli.run(["list", "--json"]).stdout == "[]\n")
    }
}
