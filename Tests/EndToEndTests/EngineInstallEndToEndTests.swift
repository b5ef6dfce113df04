import Foundation
import TestSupport
import TestTraits
import Testing

/// `ponder engine install` on a terminal: one progress line rewritten in place while pip works, cleared
/// before the final message.
@Suite(.ownThreads) struct EngineInstallEndToEndTests {
    @Test func theProgressLineIsRewrittenInPlaceAndClearedAtTheEnd() throws {
        let ponder = try BuildProducts.executable("ponder")
        let home = try TemporaryDirectory(prefix: "ponder-e2e-engine")
        var environment = TestEnvironment.isolated(home: home.path, engineDirectory: home.path + "/engine")
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        // A refused index makes pip retry for several seconds, long enough to watch the line tick.
        environment["PIP_INDEX_URL"] = "http://127.0.0.1:9/"
        environment["PIP_RETRIES"] = "5"
        let tmux = try TmuxSession.shell(environment: environment, width: 160, height: 30, directory: home.path)
        try tmux.sendLiteral("\(ponder.path) engine install; echo \"exit $?\"")
        try tmux.sendKeys("Enter")

        let retrying =
            "[2/3] Installing llama.cpp's server (xllamacpp 2026.10.11549): no answer from the package index; "
        let during = try tmux.waitFor("the progress line of the second step", timeout: 120) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix(retrying) && $0.hasSuffix(" s") }
        }
        let progressLines = during.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(progressLines.count == 1, "one line, rewritten: \(during)")

        let after = try tmux.waitFor("the end", timeout: 120) { $0.contains("exit 69") }
        #expect(after.contains("ponder: Could not reach the package index at http://127.0.0.1:9/ (PIP_INDEX_URL)"))
        #expect(!after.contains("[2/3]"), "the progress line is cleared: \(after)")
        #expect(!after.contains("[1/3]"))
    }
}
