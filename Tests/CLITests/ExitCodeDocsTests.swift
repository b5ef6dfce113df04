import Foundation
import TestTraits
import Testing

/// README, the man page and `ponder --help` tell the same story about the exit codes that scripts
/// rely on most: 77 for a missing or rejected key, 75 for provider errors including an empty balance.
@Suite(.ownThreads) struct ExitCodeDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func readmeManPageAndHelpAgree() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let manual = try String(contentsOf: Self.root.appendingPathComponent("Resources/ponder.1"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
        let help = try CLIHarness().run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        let flatReadme = readme.replacingOccurrences(of: "\n  ", with: " ")
        #expect(flatReadme.contains("77 missing key"))
        #expect(flatReadme.contains("75 provider/server error (including an empty balance, HTTP 402)"))
        #expect(manual.contains(".B 77 The API key is missing"))
        #expect(manual.contains("in\\-band error, empty balance"))
        #expect(help.contains("77 missing or rejected API key"))
        #expect(help.contains("75 provider or server error (including an empty balance)"))
    }
}
