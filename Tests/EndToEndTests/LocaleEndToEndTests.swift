import Foundation
import TestSupport
import TestTraits
import Testing

/// Ponder started where no locale is set (a fresh container, `ssh` to a server that does not pass
/// `LANG`, `env -i`): the C library then speaks plain ASCII, while the terminal speaks UTF-8. Only a
/// real terminal shows what ncurses does with text it cannot encode, so this runs through tmux.
@Suite(.serialized, .ownThreads) struct LocaleEndToEndTests {
    /// Box lines, a dash, CJK, an accent and an emoji, typed into the editor.
    static let typed = "héllo 世界 — ✓ 👍"

    @Test(arguments: ["", "C", "POSIX", "xx_XX.UTF-8"]) func withoutAUTF8LocaleTheScreenAndTypingStayWhole(
        locale: String
    ) throws {
        let home = try TemporaryDirectory(prefix: "ponder-e2e-locale")
        var environment = TestEnvironment.isolated(home: home.path)
        // An empty variable counts as unset for the C library; xx_XX is a locale no machine has.
        environment["LANG"] = locale
        environment["LC_ALL"] = ""
        environment["LC_CTYPE"] = ""
        let tmux = try TmuxSession.shell(environment: environment, width: 120, height: 30, directory: home.path)
        try tmux.startPonder(try BuildProducts.executable("ponder"))
        let first = try tmux.waitFor(text: "No conversations yet")
        // The three columns keep the two borders between them.
        let bordered = first.split(separator: "\n").filter { row in row.filter { $0 == "│" }.count == 2 }
        #expect(bordered.count >= 10, "the column borders are missing:\n\(first)")
        try tmux.sendLiteral(Self.typed)
        let echoed = try tmux.waitFor("the typed text in the editor, every character whole") {
            $0.contains(Self.typed)
        }
        #expect(!echoed.contains("Type a message"))
        try tmux.quitPonder()
    }
}
