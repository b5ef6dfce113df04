import Foundation
import TestSupport
import TestTraits
import Testing

/// Shell completion scripts and help for the installed command.
@Suite(.ownThreads) struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptGenerates(shell: String) throws {
        let cli = try CLIHarness()
        let result = try cli.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ponder"))
        for subcommand in ["ask", "list", "show", "search", "export", "import", "rm", "models", "config"] {
            #expect(result.stdout.contains(subcommand), "\(shell) completion lacks \(subcommand)")
        }
        #expect(result.stdout.contains("reasoning-only"))
    }

    @Test func usageErrorsExitWith64() throws {
        let cli = try CLIHarness()
        let conflicting = try cli.run(["ask", "--hide-reasoning", "--reasoning-only", "x"])
        #expect(conflicting.status == 64)
        let empty = try cli.run(["ask"])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("ponder: nothing to ask"))
        #expect(try cli.run(["no-such-command"]).status == 64)
    }
}
