import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// A long error in the real binary: the status bar cuts it to one line and hints F5; once the
/// failed exchange has scrolled away behind a later answer its end is nowhere on screen, and F5
/// shows the whole text in the overlay, which Esc closes.
@Suite(.serialized, .ownThreads) struct ErrorOverlayEndToEndTests {
    static let marker = "END-OF-SERVER-TEXT"

    @Test func f5ShowsTheWholeErrorTheStatusBarCut() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let home = try FakeProviderHome(prefix: "ponder-error-e2e", baseURL: server.baseURL, model: "fake-reasoner")
        let tmux = try TmuxSession.shell(environment: home.environment, width: 80, height: 24, directory: home.path)
        defer { tmux.kill() }
        try tmux.startPonder(try BuildProducts.executable("ponder"))

        // Longer than two screen lines on its own, inside the provider's words; a 400 is not retried.
        let serverText =
            "The upstream model pool rejected the request because every replica in region eu-west-3 is draining "
            + "for maintenance; the gateway keeps no queue for this model, so retry in a few minutes or pick "
            + "another model with Alt-M. Reference 7f3a-91c2-0d4e. " + Self.marker
        server.enqueue(FakeScenario(name: "long-error", fault: .httpStatus(400), errorMessage: serverText))
        try tmux.sendLiteral("first question")
        try tmux.sendKeys("Enter")
        let failed = try tmux.waitFor("the error notice with its key hint", timeout: 30) { screen in
            let bar = screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty } ?? ""
            return bar.contains("F5 whole error") && bar.contains("HTTP 400")
        }
        let bar = failed.split(separator: "\n").last { !$0.isEmpty } ?? ""
        #expect(!bar.contains(Self.marker), "the status bar cuts the error\n\(failed)")

        // A later answer long enough to push the failed exchange (and its wrapped error) out of view.
        server.enqueue(FakeScenario(name: "long-answer", reasoningTokens: 4, answerTokens: 160))
        try tmux.sendLiteral("second question")
        try tmux.sendKeys("Enter")
        let store = try ConversationStore.open(at: XDGPaths(environment: home.environment).databaseFile)
        let before = try tmux.waitFor("the second answer, whole", timeout: 30) { screen in
            let messages = (try? store.listConversations().first).flatMap { try? store.messages(in: $0.id) } ?? []
            return messages.last?.status == .complete && messages.count == 4 && screen.contains("done")
        }
        #expect(!before.contains(Self.marker), "the end of the error is not on screen before F5\n\(before)")
        let messages = try store.messages(in: try #require(try store.listConversations().first).id)
        let errorText = try #require(messages[1].errorText)
        // The message's last words, spaces aside (the overlay wraps them anywhere).
        let ending = String(errorText.filter { !$0.isWhitespace }.suffix(30))

        try tmux.sendKeys("F5")
        let overlay = try tmux.waitFor("the whole error in the overlay", timeout: 20) { screen in
            let bare = screen.filter { !$0.isWhitespace }
            return screen.contains(" Error ") && screen.contains(Self.marker) && bare.contains(ending)
        }
        #expect(overlay.contains("Esc closes"))
        try tmux.sendKeys("Escape")
        try tmux.waitFor("the overlay closed", timeout: 20) { !$0.contains(Self.marker) }
        try tmux.quitPonder()
    }
}
