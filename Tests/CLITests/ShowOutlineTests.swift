import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder show --outline` and the trace in `ponder show --json`, on conversations saved
/// straight into the store of an isolated home.
@Suite(.serialized, .ownThreads) struct ShowOutlineTests {
    static let start = Date(timeIntervalSince1970: 1_750_000_000)

    /// Saves a conversation whose answer has `reasoning`, and returns its id.
    static func save(
        _ cli: CLIHarness, reasoning: String,
        usage: TokenUsage = TokenUsage(completionTokens: 900, reasoningTokens: 700)
    ) throws -> String {
        // `show` reads the config (its reasoning markers); PONDER_CONFIG names this file.
        try cli.writeConfig(text: "")
        let store = try ConversationStore.open(at: cli.databaseURL)
        let conversation = Conversation(title: "Trailing zeros", createdAt: start, updatedAt: start)
        let question = Message(
            conversationID: conversation.id, role: .user, answer: "How many trailing zeros has 125!?", createdAt: start)
        let answer = Message(
            conversationID: conversation.id, parentID: question.id, role: .assistant, reasoning: reasoning,
            answer: "31.", model: "deepseek-reasoner", usage: usage,
            timings: ResponseTimings(
                firstReasoning: start, firstAnswer: start.addingTimeInterval(10.5),
                finished: start.addingTimeInterval(20)),
            createdAt: start.addingTimeInterval(1))
        try store.saveAll(conversations: [conversation], messages: [question, answer])
        return conversation.id.rawValue
    }

    @Test func theOutlineListsEveryStepWithItsKindFirstWordsAndTokens() throws {
        let cli = try CLIHarness()
        let reasoning = """
            Okay, so I need to count the fives in 125!.

            Wait, does 25 count twice? It holds two fives.

            Let me check: 25 + 5 + 1 = 31.

            So the answer is 31, as \u{1B}]52;c;aGVsbG8=\u{07}expected.
            """
        let id = try Self.save(cli, reasoning: reasoning)
        let result = try cli.run(["show", String(id.prefix(8)), "--outline"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = """
            Trailing zeros
            \(id)

            ## You
            How many trailing zeros has 125!?

            ## deepseek-reasoner
            thought 10.5 s · 700 tokens · 45 tok/s · 4 steps · 3 reflection points
            1   Okay, so I need to count the fives in 125!.                              173
            2 ? Wait, does 25 count twice? It holds two fives.                           185
            3 ✓ Let me check: 25 + 5 + 1 = 31.                                           121
            4 ∴ So the answer is 31, as ␛]52;c;aGVsbG8=␇expected.                        197

            31.

            """
        #expect(result.stdout == expected)
        #expect(!result.stdout.contains("\u{1B}"), "nothing reaches the output unsanitised")
        let stepLines = result.stdout.split(separator: "\n").filter(Self.isStepLine)
        #expect(stepLines.count == 4 && stepLines.allSatisfy { DisplayWidth.of($0) == 80 }, "tokens at the right edge")
        let plain = try cli.run(["show", id])
        #expect(!plain.stdout.contains("reflection points"), "the outline only on request")
    }

    @Test func longChineseTracesFitTheTerminalWidth() throws {
        let cli = try CLIHarness()
        let id = try Self.save(cli, reasoning: TraceFixtures.chinese.text, usage: TokenUsage())
        let piped = try cli.run(["show", id, "--outline"])
        let outline = TraceOutline(text: TraceFixtures.chinese.text)
        let stepLines = piped.stdout.split(separator: "\n").filter(Self.isStepLine)
        #expect(stepLines.count == outline.stepCount)
        #expect(stepLines.allSatisfy { DisplayWidth.of($0) == 80 }, "tokens at the right edge")
        #expect(piped.stdout.contains("~"), "estimated counts are marked")
        #expect(piped.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 80 })
        let marked = stepLines.filter { $0.contains(" ? 等等") || $0.contains(" ↩ 不对") }
        #expect(marked.count == 2)

        let session = try TmuxSession(
            command: "\(cli.ponder.path) show \(id) --outline", environment: cli.environment, width: 46, height: 60)
        defer { session.kill() }
        // The pane is marked dead when the process exits, which can be before tmux has read all it printed.
        let screen = try session.waitFor("the whole outline printed") { screen in
            (try? session.format("#{pane_dead}")) == "1"
                && screen.split(separator: "\n").filter(Self.isStepLine).count >= outline.stepCount
        }
        let lines = screen.split(separator: "\n")
        let shown = lines.filter(Self.isStepLine)
        try #require(shown.count == outline.stepCount, "\(screen)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 46 }, "\(screen)")
        #expect(shown.allSatisfy { DisplayWidth.of($0) == 46 }, "\(screen)")
        #expect(shown[2].hasPrefix(" 3 ? 等等，这里要小心。") && shown[2].hasSuffix(" 47"), "\(screen)")
    }

    @Test func jsonCarriesStepsReflectionPointsAndFigures() throws {
        let cli = try CLIHarness()
        let reasoning = TraceFixtures.mixed.text
        let id = try Self.save(cli, reasoning: reasoning)
        let result = try cli.run(["show", id, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONValue.parse(result.stdout)
        let messages = try #require(json["messages"]?.arrayValue)
        #expect(messages[0]["trace"] == nil, "questions have no trace")
        let trace = try #require(messages[1]["trace"])
        let outline = TraceOutline(text: reasoning)
        let steps = try #require(trace["steps"]?.arrayValue)
        let points = try #require(trace["reflection_points"]?.arrayValue)
        #expect(steps.count == outline.stepCount)
        #expect(points.count == outline.pointCount)
        let bytes = Array(reasoning.utf8)
        let scalars = Array(reasoning.unicodeScalars)
        for (point, expected) in zip(points, outline.points) {
            let offset = try #require(point["offset"]?.intValue)
            let length = try #require(point["length"]?.intValue)
            let charOffset = try #require(point["char_offset"]?.intValue)
            let charLength = try #require(point["char_length"]?.intValue)
            #expect(point["kind"]?.stringValue == expected.kind.rawValue)
            #expect(point["marker"]?.stringValue == expected.marker)
            #expect(offset == expected.offset && length == expected.length)
            let byText = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
            var byCharacters = String.UnicodeScalarView()
            byCharacters.append(contentsOf: scalars[charOffset..<charOffset + charLength])
            #expect(byText == String(byCharacters))
        }
        #expect(steps.compactMap { $0["tokens"]?.intValue }.reduce(0, +) <= 700)
        #expect(steps.first?["kind"] == nil, "a step without points has no kind")
        let statistics = try #require(trace["statistics"])
        #expect(statistics["reasoning_tokens"]?.intValue == 700)
        #expect(statistics["thinking_seconds"] == .number(10.5))
        #expect(statistics["steps"]?.intValue == outline.stepCount)
        #expect(statistics["reflection_points"]?["alternative"]?.intValue == outline.pointCount(of: .alternative))

        let file = cli.directory.url.appendingPathComponent("shown.json")
        try Data(result.stdout.utf8).write(to: file)
        try cli.run(["rm", id]).expectSuccess()
        let imported = try cli.run(["import", file.path])
        #expect(imported.status == 0, "the trace is ignored on import: \(imported.stderr)")
        #expect(try cli.run(["show", id, "--reasoning"]).stdout.contains("DuckDB"))
    }

    @Test func theConfigFileChangesTheMarkers() throws {
        let cli = try CLIHarness()
        let id = try Self.save(cli, reasoning: "Start here.\n\nMoment mal, that is odd.\n\nWait, fine.")
        try cli.writeConfig(text: "[trace]\nreflection = [\"moment mal\"]\nignore = [\"wait\"]\n")
        let shown = try cli.run(["show", id, "--outline"])
        #expect(shown.stdout.contains("2 ? Moment mal, that is odd."), "\(shown.stdout)")
        #expect(shown.stdout.contains("3   Wait, fine."))
        let listed = try cli.run(["config", "markers"])
        let reflection = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("? reflection (") })
        #expect(
            reflection.contains("\"moment mal\"") && reflection.contains("\"hmm\"") && !reflection.contains("\"wait\""))
        #expect(listed.stdout.contains("\"不对\"") && listed.stdout.split(separator: "\n").count == 5)
        try cli.writeConfig(text: "[trace]\n\nreflection = \"moment mal\"\n")
        let broken = try cli.run(["show", id, "--outline"])
        #expect(broken.status == 78)
        #expect(broken.stderr.contains("config.toml:3: reflection must be a list of phrases"), "\(broken.stderr)")
        #expect(try cli.run(["show", id]).status == 0, "without --outline the config is not needed")
    }
}

extension ShowOutlineTests {
    /// A line of an outline: a step number (right-aligned), a space, a kind glyph or a space.
    static func isStepLine(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        let digits = trimmed.prefix { $0.isNumber }
        let rest = trimmed.dropFirst(digits.count)
        return !digits.isEmpty && rest.hasPrefix(" ") && rest.dropFirst().first.map { " ?✓⇄↩∴".contains($0) } == true
    }
}

extension CLIHarness.Result {
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "\(stderr)", sourceLocation: sourceLocation)
    }
}
