import Foundation
import PonderCore
import TestSupport
import Testing

/// Large pastes end to end: the real `ponder` in tmux, text pasted through tmux's paste buffer
/// with and without the paste brackets, against `ponder-fake-server` writing every request it
/// gets to a file.
@Suite(.serialized) struct PasteEndToEndTests {
    /// About 300 KB of numbered lines; the last line is what the editor shows once all arrived.
    static let text: String =
        (1...5_000).map { "line \($0) of the pasted text, nothing to send yet" }
        .joined(separator: "\n") + "\nthe very last pasted line"

    let server: FakeServerProcess
    let home: TemporaryDirectory
    let tmux: TmuxSession
    let requestLog: String

    init() throws {
        home = try TemporaryDirectory(prefix: "ponder-paste-e2e")
        requestLog = home.path + "/requests.log"
        server = try FakeServerProcess(arguments: ["--request-log", requestLog])
        let config = """
            default_provider = "fake"

            [providers.fake]
            kind = "deepseek"
            base_url = "\(server.baseURL)"
            api_key_env = "FAKE_PROVIDER_KEY"
            model = "fake-reasoner"
            """
        try config.write(toFile: home.path + "/config.toml", atomically: true, encoding: .utf8)
        try Self.text.write(toFile: home.path + "/paste.txt", atomically: true, encoding: .utf8)
        var environment = TestEnvironment.isolated(home: home.path)
        environment["PONDER_CONFIG"] = home.path + "/config.toml"
        environment["FAKE_PROVIDER_KEY"] = "sk-test"
        tmux = try TmuxSession.shell(environment: environment, width: 100, height: 30, directory: home.path)
        try tmux.startPonder(try BuildProducts.executable("ponder"))
    }

    /// The user messages of the chat requests the server received, oldest first.
    func sentQuestions() -> [String] {
        let log = (try? String(contentsOfFile: requestLog, encoding: .utf8)) ?? ""
        return log.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, parts[0].contains("chat"),
                let body = try? JSONValue.parse(Array(parts[1].utf8)),
                case .array(let messages)? = body["messages"], case .string(let content)? = messages.last?["content"]
            else { return nil }
            return content
        }
    }

    func pasteHoldsWholeTextAndSendsNothingUntilEnter(bracketed: Bool) throws {
        try tmux.pasteFile(home.path + "/paste.txt", bracketed: bracketed)
        try tmux.waitFor("the whole paste in the editor", timeout: 60) {
            $0.contains("the very last pasted line") && $0.contains("line 4999 of the pasted text")
        }
        #expect(sentQuestions().isEmpty)
        try tmux.sendKeys("Enter")
        #expect(Poll.until(timeout: 30) { !sentQuestions().isEmpty })
        #expect(sentQuestions() == [Self.text])
        try tmux.quitPonder()
    }

    @Test func largePasteWithoutBracketsStaysInTheEditorWhole() throws {
        try pasteHoldsWholeTextAndSendsNothingUntilEnter(bracketed: false)
    }

    @Test func largeBracketedPasteStaysInTheEditorWhole() throws {
        try pasteHoldsWholeTextAndSendsNothingUntilEnter(bracketed: true)
    }
}
