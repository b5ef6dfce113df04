import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The escape corpus on every path text takes to a terminal from the command line — answers and
/// reasoning streamed by `ask`, server error messages, model names, titles and texts of an imported
/// conversation shown by `show`, `list`, `search` and `export` — checked on the bytes the program
/// actually wrote to a pseudo-terminal.
@Suite(.serialized, .ownThreads) struct TerminalOutputTests {
    /// Every payload, each wrapped in its name, separated by spaces.
    static let everything = EscapeCorpus.payloads.map(EscapeCorpus.wrapped).joined(separator: " ")
    /// A model name a hostile config or server could carry (TOML escapes in the config file).
    static let hostileModelTOML = #"fake\u001b]0;model-owned\u0007-\u009b31m-\u202eledom"#

    static func onTerminal(_ cli: CLIHarness, _ arguments: [String]) throws -> PseudoTerminal.Result {
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        return try PseudoTerminal.run([cli.ponder.path] + arguments, environment: environment)
    }

    static func expectSafe(_ result: PseudoTerminal.Result, _ what: String) {
        let problems = EscapeCorpus.problems(in: withoutProgressLineClears(result.output))
        #expect(problems.isEmpty, "\(what): \(Set(problems).sorted().prefix(12))")
    }

    @Test func askStreamsHostileReasoningAndAnswersSafely() async throws {
        let server = try await FakeServer.start(defaultScenario: .escapes)
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: Self.hostileModelTOML)
        let result = try Self.onTerminal(cli, ["ask", "show me everything"])
        #expect(result.status == 0, "\(result.text)")
        Self.expectSafe(result, "ask")
        for payload in EscapeCorpus.payloads {
            // Once in the reasoning, once in the answer: each payload's text around it arrived.
            #expect(result.text.components(separatedBy: "<\(payload.name)>").count - 1 == 2, "\(payload.name)")
        }
        #expect(
            server.receivedRequests.first?.json?["model"]?.stringValue
                == "fake\u{1B}]0;model-owned\u{07}-\u{9B}31m-\u{202E}ledom")
    }

    @Test func serverErrorMessagesAreShownSafely() async throws {
        let server = try await FakeServer.start(
            defaultScenario: FakeScenario(name: "hostile-error", fault: .httpStatus(400), errorMessage: Self.everything)
        )
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "hostile-error")
        let result = try Self.onTerminal(cli, ["ask", "hello"])
        #expect(result.status == 75)
        Self.expectSafe(result, "ask error")
        #expect(result.text.contains("<csi-sgr>"))
        let unknown = try Self.onTerminal(cli, ["show", "\u{1B}]0;owned\u{07}"])
        #expect(unknown.status == 66)
        Self.expectSafe(unknown, "an id given on the command line")
    }

    @Test func anImportedConversationIsListedShownSearchedAndExportedSafely() throws {
        let cli = try CLIHarness()
        let file = cli.directory.url.appendingPathComponent("hostile.json")
        try Self.hostileExport().write(to: file)
        let imported = try Self.onTerminal(cli, ["import", file.path])
        #expect(imported.status == 0, "\(imported.text)")
        Self.expectSafe(imported, "import")
        let store = try ConversationStore.open(at: cli.databaseURL)
        let id = String(try #require(try store.listConversations().first).id.rawValue.prefix(8))

        for arguments in [["list"], ["search", "needle"], ["show", id, "--reasoning"], ["export", id]] {
            let result = try Self.onTerminal(cli, arguments)
            #expect(result.status == 0, "\(arguments): \(result.text.prefix(300))")
            Self.expectSafe(result, arguments.joined(separator: " "))
            #expect(result.text.contains("needle") || arguments == ["list"])
        }
    }

    /// The output without the line clears (carriage return, `ESC [ K` or `ESC [ 2 K`) a progress line on
    /// a terminal is redrawn with: Ponder's own sequences, which no text can produce (text reaches the
    /// terminal sanitised, without CR or ESC).
    static func withoutProgressLineClears(_ output: [UInt8]) -> [UInt8] {
        let clears: [[UInt8]] = [Array("\r\u{1B}[2K".utf8), Array("\r\u{1B}[K".utf8)]
        var kept: [UInt8] = []
        var index = 0
        outer: while index < output.count {
            for clear in clears where output[index...].starts(with: clear) {
                index += clear.count
                continue outer
            }
            kept.append(output[index])
            index += 1
        }
        return kept
    }

    /// A Ponder JSON export whose every text field is hostile.
    static func hostileExport() throws -> Data {
        let store = try ConversationStore.inMemory()
        let conversation = Conversation(
            title: "title " + EscapeCorpus.payloads.prefix(40).map(EscapeCorpus.wrapped).joined(),
            provider: "provider\u{1B}[2J", model: "model\u{9D}0;x\u{9C}")
        let user = Message(conversationID: conversation.id, role: .user, answer: "needle question " + everything)
        let assistant = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, reasoning: "needle " + everything,
            answer: "needle answer " + everything, status: .failed, errorText: "error " + everything,
            provider: "provider\u{1B}]52;c;eA==\u{07}", model: "model\u{1B}[31m\u{202E}")
        try store.saveTurn(conversation: conversation, messages: [user, assistant])
        return try store.exportJSON(conversation.id)
    }
}
