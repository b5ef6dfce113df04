import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// Keys that cannot be had and config files that cannot be read: each is one clear line on stderr
/// with the documented exit code, and nothing a key command printed is ever repeated.
@Suite(.serialized, .ownThreads) struct KeyAndConfigFaultTests {
    static func config(baseURL: String, keyLines: String) -> String {
        """
        default_provider = "fake"

        [providers.fake]
        kind = "deepseek"
        base_url = "\(baseURL)"
        model = "fake-reasoner"
        \(keyLines)

        """
    }

    @Test func aMissingKeyExitsWithTheKeyCode() throws {
        let cli = try CLIHarness()
        try cli.writeConfig(text: Self.config(baseURL: "http://127.0.0.1:9", keyLines: "api_key_env = \"NO_SUCH_KEY\""))
        let result = try cli.run(["ask", "hello"])
        #expect(result.status == 77)
        #expect(result.stderr == "ponder: " + Self.missingKeyMessage + "\n")
    }

    static let missingKeyMessage =
        "No API key for fake: NO_SUCH_KEY is not set. Export it (export NO_SUCH_KEY=…) or set api_key_cmd for "
        + "[providers.fake] in the config file."

    @Test func anEmptyBalanceIsAProviderErrorNotAKeyError() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "fault-402")
        let result = try cli.run(["ask", "hello"])
        #expect(result.status == 75)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("insufficient balance (HTTP 402)"))
    }

    @Test func aFailingKeyCommandIsReportedWithoutItsOutput() throws {
        let cli = try CLIHarness()
        let script = cli.directory.url.appendingPathComponent("key.sh")
        try Data("echo 'Enter passphrase for sk-secret-in-stderr' >&2\necho sk-half-a-key\nexit 3\n".utf8).write(
            to: script)
        try cli.writeConfig(
            text: Self.config(baseURL: "http://127.0.0.1:9", keyLines: "api_key_cmd = \"sh \(script.path)\""))
        let result = try cli.run(["ask", "hello"])
        #expect(result.status == 77)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("api_key_cmd for fake failed with exit status 3"))
        #expect(result.stderr.contains("in a shell to see its messages"))
        #expect(!result.stderr.contains("sk-secret-in-stderr"))
        #expect(!result.stderr.contains("sk-half-a-key"))
        #expect(!result.stderr.contains("passphrase"))
    }

    @Test func aHangingKeyCommandIsStoppedAfterItsTimeout() throws {
        let cli = try CLIHarness()
        let marker = "37.\(Int.random(in: 100...999))"
        try cli.writeConfig(
            text: Self.config(
                baseURL: "http://127.0.0.1:9",
                keyLines: "api_key_cmd = \"sleep \(marker); echo key\"\napi_key_cmd_timeout = 1"))
        let result = try cli.run(["ask", "hello"], timeout: 30)
        #expect(result.status == 77)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("did not finish within 1 s and was stopped"))
        #expect(result.stderr.contains("api_key_cmd_timeout"))
        let leftovers = ProcessTable.allProcessIDs().filter { ProcessTable.arguments(of: $0) == ["sleep", marker] }
        #expect(leftovers.isEmpty, "the key command's child is still running")
    }

    @Test func aConfigPathThatIsADirectoryIsExplained() throws {
        let cli = try CLIHarness()
        try FileManager.default.createDirectory(at: cli.configURL, withIntermediateDirectories: true)
        let result = try cli.run(["ask", "hello"])
        #expect(result.status == 78)
        #expect(
            result.stderr == "\(cli.configURL.path): is a directory, not a config file — move it aside, "
                + "or set PONDER_CONFIG to the config file itself\n")
    }

    @Test func ponderConfigNamingAMissingFileIsAnError() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["ask", "hello"])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("\(cli.configURL.path): does not exist (PONDER_CONFIG names it)"))
        #expect(try cli.run(["config", "check"]).status == 78)
        #expect(try cli.run(["list"]).status == 0, "commands that read no config are not affected")
    }

    @Test func anUnreadableConfigNamesTheReason() throws {
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: "http://127.0.0.1:9")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: cli.configURL.path)
        let result = try cli.runUnprivileged(["ask", "hello"])
        #expect(result.status == 78)
        #expect(
            result.stderr == "\(cli.configURL.path): cannot be read (permission denied) — make it readable "
                + "by you (chmod 600 \(cli.configURL.path))\n")
    }
}
