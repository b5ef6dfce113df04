import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The fault matrix in the full-screen app: one `ponder` asks one question per provider fault (the
/// fake server answers the first request of each with the fault, the retry normally). For each: the
/// message in the status bar, the partial text kept and marked in the transcript, a Ctrl-G that
/// continues what was kept, and a Ctrl-R that then brings a whole answer.
@Suite(.serialized, .ownThreads) struct FaultMatrixEndToEndTests {
    struct Case: Sendable {
        var model: String
        /// Text the screen must show once the fault is reported (lines joined).
        var says: String
        /// Reasoning that arrived before the fault and stays on screen (empty: none).
        var kept: String = ""
    }

    static let cases: [Case] = [
        Case(
            model: "fault-reset-reasoning", says: "⚠ Interrupted — the partial answer is kept",
            kept: "step 10"),
        Case(model: "fault-reset-answer", says: "⚠ Interrupted — the partial answer is kept", kept: "Point 2."),
        Case(model: "fault-burst-close", says: "the server closed the connection", kept: "Point 19."),
        Case(model: "fault-401", says: "✖ Failed: fake did not accept the API key (HTTP 401)"),
        Case(model: "fault-402", says: "insufficient balance (HTTP 402)"),
        Case(model: "fault-400-context", says: "rejected the request (HTTP 400)"),
        Case(model: "fault-malformed", says: "a response line Ponder cannot read", kept: "step 4"),
        Case(model: "fault-inband-error", says: "Upstream provider overloaded (code 502)", kept: "step 4"),
        Case(model: "fault-key-echo", says: "Invalid request header: Bearer <redacted>", kept: "step 4"),
        Case(model: "fault-no-end", says: "⚠ Interrupted — the partial answer is kept", kept: "step 12"),
    ]

    @Test(arguments: 0..<cases.count)
    func eachFaultIsReportedKeepsWhatArrivedAndRetriesWithCtrlR(_ index: Int) async throws {
        let fault = Self.cases[index]
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let home = try FakeProviderHome(
            prefix: "ponder-faults-e2e", baseURL: server.baseURL, model: "fake-reasoner", key: "sk-fault-matrix-key")
        let environment = home.environment
        let tmux = try TmuxSession.shell(environment: environment, width: 200, height: 50, directory: home.path)
        defer { tmux.kill() }
        try tmux.startPonder(try BuildProducts.executable("ponder"))

        // The first request gets the fault, the retry the usual answer.
        server.enqueue(try #require(FakeScenario.named(fault.model)))
        let question = "what about \(fault.model)?"
        try tmux.sendLiteral(question)
        try tmux.sendKeys("Enter")
        let reported = try tmux.waitFor("\(fault.model) reported", timeout: 30) { screen in
            screen.replacingOccurrences(of: "\n", with: " ").contains(fault.says)
        }
        #expect(!reported.contains("sk-fault-matrix-key"), "the key never shows")
        if !fault.kept.isEmpty { #expect(reported.contains(fault.kept), "the partial text stays\n\(reported)") }
        let store = try ConversationStore.open(at: XDGPaths(environment: environment).databaseFile)
        let conversation = try #require(try store.listConversations().first)
        let stored = try #require(try store.messages(in: conversation.conversation.id).last)
        #expect(stored.status == .interrupted || stored.status == .failed, "\(stored.status)")
        #expect(stored.errorText?.contains("sk-fault-matrix-key") == false)

        let id = conversation.conversation.id
        func completeAnswers() -> Int {
            ((try? store.messages(in: id)) ?? []).filter { $0.role == .assistant && $0.status == .complete }.count
        }
        if !fault.kept.isEmpty {
            // Continue picks up from what was kept: one more request, and an answer that ends complete.
            try tmux.sendKeys("C-g")
            try tmux.waitFor("the kept answer continued", timeout: 30) { screen in
                server.askedCount == 2 && completeAnswers() == 1 && screen.contains("│ done")
            }
        }
        let requestsBefore = server.askedCount
        let completeBefore = completeAnswers()
        try tmux.sendKeys("C-r")
        try tmux.waitFor("an answer on retry, stored whole", timeout: 30) { screen in
            let answer = try? store.messages(in: id).last
            return server.askedCount == requestsBefore + 1 && completeAnswers() == completeBefore + 1
                && screen.contains("You said: “\(question)”.") && answer?.status == .complete
                && answer?.answer.hasPrefix("You said: “\(question)”.") == true
        }
        try tmux.quitPonder()
    }
}
