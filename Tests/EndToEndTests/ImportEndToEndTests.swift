import Foundation
import TestSupport
import TestTraits
import Testing

/// `ponder import` from a shell in tmux, then the browser finds the imported reasoning and opens it
/// in the thinking panel. Only keys and screen text are used.
@Suite(.serialized, .ownThreads) struct ImportEndToEndTests {
    @Test func importedReasoningIsFoundInTheBrowserAndOpensInTheThinkingPanel() throws {
        let ponder = try BuildProducts.executable("ponder")
        let home = try TemporaryDirectory(prefix: "ponder-import-e2e")
        let llm = try ImportFixtures.copy("llm-logs.db", into: home.url)
        let webui = try ImportFixtures.copy("open-webui-chats.json", into: home.url)
        let tmux = try TmuxSession.shell(
            environment: TestEnvironment.isolated(home: home.path), width: 120, height: 32, directory: home.path)

        try tmux.sendLiteral("\(ponder.path) import --from llm \(llm.lastPathComponent)")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "3 new conversations (8 messages, 1 with reasoning), 0 already here")
        try tmux.sendLiteral("\(ponder.path) import --from open-webui \(webui.lastPathComponent)")
        try tmux.sendKeys("Enter")
        let imported = try tmux.waitFor(text: "2 new conversations (9 messages, 4 with reasoning), 0 already here")
        #expect(!imported.contains("Importing"), "the progress line is erased when the import is done")
        #expect(!imported.contains("Reading"), "the reading line is erased too")

        try tmux.startPonder(ponder)
        try tmux.sendKeys("C-f")
        try tmux.waitFor(text: "Browse conversations")
        try tmux.sendLiteral("/thylacine")
        let results = try tmux.waitFor("a thinking hit in the Open WebUI chat") {
            $0.contains("[thinking]") && $0.contains("1 hit") && $0.contains("Tides explained")
        }
        #expect(!results.contains("Plan a picnic"))
        try tmux.sendKeys("Enter")
        let opened = try tmux.waitFor("the chat opened at the hit in the thinking panel") {
            $0.contains("Opened “Tides explained” at the thinking") && $0.contains("thylacine")
                && $0.contains("▌Thought")
        }
        #expect(!opened.contains("Browse conversations"))

        try tmux.quitPonder()
        try tmux.startPonder(ponder)
        try tmux.sendKeys("C-f")
        try tmux.waitFor(text: "Browse conversations")
        try tmux.sendLiteral("/step 11")
        try tmux.waitFor("a thinking hit in the llm conversation") {
            $0.contains("[thinking]") && $0.contains("1 hit") && $0.contains("Plan a picnic")
        }
        try tmux.sendKeys("Enter")
        try tmux.waitFor("the llm reasoning in the thinking panel") {
            $0.contains("Opened “Plan a picnic” at the thinking") && $0.contains("step 11") && $0.contains("▌Thought")
        }
        try tmux.quitPonder()
    }
}
