import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder import --from …` and `ponder export --all` through the real binary.
@Suite(.serialized, .ownThreads) struct ImportCommandTests {
    private func json(_ result: CLIHarness.Result) throws -> JSONValue {
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONValue.parse(result.stdout)
    }

    @Test func everySourceImportsItsFixtureAndSaysWhatItDid() throws {
        let cli = try CLIHarness()
        let copies = cli.directory.url
        let cases: [(String, String, Int)] = [
            ("llm", try ImportFixtures.copy("llm-logs.db", into: copies).path, 3),
            ("oterm", try ImportFixtures.copy("oterm-store.db", into: copies).path, 2),
            ("open-webui", ImportFixtures.url("open-webui-chats.json").path, 2),
            ("chatgpt", ImportFixtures.url("chatgpt-conversations.json").path, 2),
            ("think", ImportFixtures.url("think-transcript.md").path, 1),
        ]
        for (source, path, conversations) in cases {
            let result = try cli.run(["import", "--from", source, path])
            #expect(result.status == 0, "\(source): \(result.stderr)")
            #expect(result.stdout.contains("\(conversations) new conversation"), "\(source): \(result.stdout)")
            #expect(!result.stderr.contains("Importing"), "no progress line when stderr is not a terminal")
            let again = try json(try cli.run(["import", "--from", source, "--json", path]))
            #expect(again["new_conversations"]?.intValue == 0, "\(source): nothing new the second time")
            #expect(again["already_here"]?.intValue == conversations)
        }
        let listed = try #require(try JSONValue.parse(try cli.run(["list", "--json", "--all"]).stdout).arrayValue)
        #expect(listed.count == 10)
        let hits = try JSONValue.parse(try cli.run(["search", "--json", "pangolin"]).stdout).arrayValue ?? []
        #expect(hits.first?["field"]?.stringValue == "reasoning", "ChatGPT thoughts are searchable")
    }

    @Test func aDryRunPrintsTheCountsAndChangesNothing() throws {
        let cli = try CLIHarness()
        let path = ImportFixtures.url("open-webui-chats.json").path
        let dry = try cli.run(["import", "--from", "open-webui", "--dry-run", path])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout.contains("Would import from Open WebUI")
                && dry.stdout.contains("2 new conversations (9 messages, 4 with reasoning), 0 already here"),
            "\(dry.stdout)")
        #expect(dry.stdout.contains("nothing was changed"))
        #expect(try cli.run(["list", "--json", "--all"]).stdout == "[]\n")
    }

    @Test func skippedRecordsAreNamedAndTheRestImported() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["import", "--from", "chatgpt", ImportFixtures.url("chatgpt-conversations.json").path])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains("2 new conversations") && result.stdout.contains("1 skipped"), "\(result.stdout)")
        #expect(
            result.stderr.contains(
                "skipped \(ImportFixtures.url("chatgpt-conversations.json").path): conversation 3 "
                    + "(67c00000-0000-4000-8000-000000000000)"), "\(result.stderr)")
    }

    @Test func theWrongSourceIsExplainedWithTheRightOne() throws {
        let cli = try CLIHarness()
        let webui = try cli.run(["import", ImportFixtures.url("open-webui-chats.json").path])
        #expect(webui.status == 65)
        #expect(webui.stderr.contains("use --from open-webui"), "\(webui.stderr)")
        let llm = try ImportFixtures.copy("llm-logs.db", into: cli.directory.url)
        let database = try cli.run(["import", "--from", "oterm", llm.path])
        #expect(database.status == 65)
        #expect(database.stderr.contains("use --from llm"), "\(database.stderr)")
        let unknown = try cli.run(["import", "--from", "slack", llm.path])
        #expect(unknown.status == 64)
    }

    @Test func standardInputAndHostileTitlesNeverReachTheTerminalRaw() throws {
        let cli = try CLIHarness()
        let hostile =
            #"[{"id": "h1", "title": "evil\u001b]52;c;aGk=\u0007", "chat": {"history": {"messages": {"a": {"id": "a", "role": "user", "content": "hi", "timestamp": 1700000000}}}}}, 7]"#
        let result = try cli.run(["import", "--from", "open-webui", "-"], stdin: hostile)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("standard input"))
        #expect(result.stderr.contains("chat 2: it is the number 7"), "\(result.stderr)")
        let listed = try cli.run(["list"])
        #expect(!listed.stdout.contains("\u{1B}") && listed.stdout.contains("␛]52"), "\(listed.stdout)")
    }

    @Test func exportAllRoundTripsThroughADirectoryAndThroughJSONLines() throws {
        let source = try CLIHarness()
        #expect(
            try source.run(["import", "--from", "open-webui", ImportFixtures.url("open-webui-chats.json").path]).status
                == 0)
        #expect(
            try source.run(["import", "--from", "think", ImportFixtures.url("think-chats.jsonl").path]).status == 0)
        let directory = source.directory.url.appendingPathComponent("everything")
        let written = try source.run(["export", "--all", "-o", directory.path + "/"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("Exported 4 conversations"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files.count == 4 && files.allSatisfy { $0.hasSuffix(".json") })
        #expect(files.contains { $0.hasPrefix("2025-01-01-tides-explained-") }, "\(files)")
        let lines = try source.run(["export", "--all"])
        #expect(lines.stdout.split(separator: "\n").count == 4)

        #expect(try json(try source.run(["import", "--json", directory.path]))["new_conversations"]?.intValue == 0)
        let stream = source.directory.url.appendingPathComponent("all.jsonl")
        try Data(lines.stdout.utf8).write(to: stream)
        #expect(try json(try source.run(["import", "--json", stream.path]))["new_messages"]?.intValue == 0)

        let target = try CLIHarness()
        let first = try json(try target.run(["import", "--json", stream.path]))
        #expect(first["new_conversations"]?.intValue == 4)
        #expect(try json(try target.run(["import", "--json", directory.path]))["new_conversations"]?.intValue == 0)
        let original = try source.run(["export", "--all"]).stdout
        let copy = try target.run(["export", "--all"]).stdout
        func withoutExportTime(_ text: String) -> [String] {
            text.split(separator: "\n").map {
                $0.replacingOccurrences(of: #""exported_at":[0-9.e+]+"#, with: "", options: .regularExpression)
            }
        }
        #expect(withoutExportTime(original) == withoutExportTime(copy), "nothing is lost on the way")
    }

    @Test func exportAllAsMarkdownNeedsADirectory() throws {
        let cli = try CLIHarness()
        #expect(try cli.run(["import", "--from", "think", ImportFixtures.url("think-transcript.md").path]).status == 0)
        let refused = try cli.run(["export", "--all", "--format", "md"])
        #expect(refused.status == 64 && refused.stderr.contains("-o DIR/"))
        let directory = cli.directory.url.appendingPathComponent("md")
        #expect(try cli.run(["export", "--all", "--format", "md", "-o", directory.path + "/"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.count == 1 && names[0].hasSuffix(".md"))
        #expect(try cli.run(["export", "--all", "abc"]).status == 64)
        #expect(try cli.run(["export"]).status == 64)
    }
}
