import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The faults the full-screen app gets through or reports without a reset connection, in one
/// `ponder` that asks one question per fault in one conversation (the fake server answers each
/// question's requests with the fault, everything after that normally): keep-alives for longer than
/// the idle timeout, 429 then success, 503 on every try, a 10 MB line, invalid UTF-8, and `[DONE]`
/// without a finish reason. For each: what the screen says, what is stored and marked, a screen that
/// still answers keys, and a Ctrl-R that then brings a new answer. A refused connection has its own
/// `ponder`, since it needs a port nothing listens on; it also has the short idle timeout the
/// keep-alive case needs.
@Suite(.serialized, .ownThreads) struct FaultSequenceEndToEndTests {
    struct Case: Sendable {
        var name: String
        /// What the server answers to the question's requests (the client's own retries included).
        var scenarios: [FakeScenario]
        /// Shown while the request is still under way (the fault is being waited out).
        var during: String?
        /// Shown once the answer ended (screen lines joined); the question is in `{q}`.
        var says: String
        var status: MessageStatus
        /// The stored reasoning starts with this.
        var reasoningKept: String
        /// The stored error text contains this (nil: none is stored).
        var errorText: String?
        /// Requests the question takes, the client's own retries included.
        var requests: Int
    }

    static func steps(_ count: Int) -> String { (1...count).map { "step \($0) " }.joined() }
    static func scenario(_ name: String) -> FakeScenario { FakeScenario.named(name)! }
    static let answer = "You said: “{q}”."

    static let cases: [Case] = [
        Case(
            name: "429 then success", scenarios: [scenario("fault-429-retry-after")], during: "│ retrying in 1 s (1)…",
            says: answer, status: .complete, reasoningKept: steps(12), requests: 2),
        Case(
            name: "503", scenarios: Array(repeating: scenario("fault-503"), count: 4),
            says: "fake is overloaded (HTTP 503)", status: .failed, reasoningKept: "",
            errorText: "fake is overloaded (HTTP 503)", requests: 4),
        Case(
            name: "invalid UTF-8", scenarios: [scenario("fault-invalid-utf8")], says: "bytes \u{FFFD}",
            status: .complete, reasoningKept: steps(3) + "bytes \u{FFFD}", requests: 1),
        Case(
            name: "no finish reason", scenarios: [scenario("fault-no-finish-reason")],
            says: "⚠ The provider ended the answer without saying why", status: .complete,
            reasoningKept: steps(12), requests: 1),
        // Last: the 10 MB of reasoning stay in the conversation and make every later turn heavier.
        Case(
            name: "a 10 MB line", scenarios: [scenario("fault-huge-line")], says: answer, status: .complete,
            reasoningKept: String(repeating: "x", count: 10 << 20) + "step 2 ", requests: 1),
    ]

    /// Keep-alives for 3 s, longer than the 1 s idle timeout the refused-connection test sets (the
    /// other cases keep the default: the fake server takes more than a second to build its 10 MB line).
    static let keepAlives = Case(
        name: "keep-alives", scenarios: [scenario("fault-keepalive-queue")], during: "│ queued ", says: answer,
        status: .complete, reasoningKept: steps(12), requests: 1)

    @Test func eachFaultInTurnIsReportedOrOutlastedAndCtrlRThenAnswers() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let home = try FakeProviderHome(
            prefix: "ponder-fault-sequence", baseURL: server.baseURL, model: "fake-reasoner")
        let tmux = try TmuxSession.shell(environment: home.environment, width: 160, height: 45, directory: home.path)
        defer { tmux.kill() }
        try tmux.startPonder(try BuildProducts.executable("ponder"))
        let store = try ConversationStore.open(at: XDGPaths(environment: home.environment).databaseFile)
        try Self.withRequestLog(of: server) {
            for fault in Self.cases { try Self.check(fault, tmux: tmux, server: server, store: store) }
        }
        try tmux.quitPonder()
    }

    @Test func aRefusedConnectionIsReportedAtOnceThenKeepAlivesOutlastTheIdleTimeout() async throws {
        let port = try #require(FreePort.find())
        let home = try FakeProviderHome(
            prefix: "ponder-fault-refused", baseURL: "http://127.0.0.1:\(port)", model: "fake-reasoner")
        // Keep-alives go on for 3 s afterwards: longer than this, so a request cut for silence would show.
        let config = home.path + "/config.toml"
        try (String(contentsOfFile: config, encoding: .utf8) + "\nidle_timeout = 1\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession.shell(environment: home.environment, width: 160, height: 40, directory: home.path)
        defer { tmux.kill() }
        try tmux.startPonder(try BuildProducts.executable("ponder"))
        let store = try ConversationStore.open(at: XDGPaths(environment: home.environment).databaseFile)

        let asked = Date()
        try tmux.sendLiteral("anyone there?")
        try tmux.sendKeys("Enter")
        let says = "Could not reach 127.0.0.1: connection refused."
        let reported = try tmux.waitFor("the refusal reported", timeout: 30) { screen in
            screen.replacingOccurrences(of: "\n", with: " ").contains(says)
                && Self.lastAnswer(in: store)?.status == .failed
        }
        #expect(Date().timeIntervalSince(asked) < 10, "reported at once, not after the 15 s connect timeout")
        #expect(Self.statusBar(reported).contains(says), "\(reported)")
        #expect(Self.lastAnswer(in: store)?.errorText?.hasPrefix(says) == true)
        try Self.expectResponsive(tmux, "refused")

        let server = try await FakeServer.start(port: port)
        defer { Task { await server.stop() } }
        try tmux.sendKeys("C-r")
        try tmux.waitFor("an answer once the server is up", timeout: 30) { screen in
            Self.lastAnswer(in: store)?.status == .complete && screen.contains("You said: “anyone there?”.")
        }
        try Self.withRequestLog(of: server) {
            try Self.check(Self.keepAlives, tmux: tmux, server: server, store: store)
        }
        try tmux.quitPonder()
    }

    /// Asks one question whose requests get the case's fault, checks the screen and the store, then
    /// that the screen answers keys and Ctrl-R brings a new whole answer.
    static func check(_ fault: Case, tmux: TmuxSession, server: FakeServer, store: ConversationStore) throws {
        let question = "what about \(fault.name)?"
        let before = server.askedCount
        for scenario in fault.scenarios { server.enqueue(scenario) }
        try tmux.sendLiteral(question)
        try tmux.sendKeys("Enter")
        // A debug build takes about 13 s to take the 10 MB line in, more beside other tests: each wait
        // here allows a minute.
        try tmux.waitFor("\(fault.name): the question sent", timeout: 60) {
            $0.contains(question) && $0.contains("Type a message")
        }
        if let during = fault.during {
            try tmux.waitFor("\(fault.name): \(during)", timeout: 30) { $0.contains(during) }
        }
        let says = fault.says.replacingOccurrences(of: "{q}", with: question)
        var stored: Message?
        let ended = try tmux.waitFor("\(fault.name): \(says), and the answer stored", timeout: 60) { screen in
            stored = Self.lastAnswer(in: store)
            return screen.replacingOccurrences(of: "\n", with: " ").contains(says) && stored?.status == fault.status
        }
        let answer = try #require(stored)
        #expect(answer.reasoning.hasPrefix(fault.reasoningKept), "\(fault.name): \(answer.reasoning.prefix(200))")
        if let errorText = fault.errorText {
            #expect(answer.errorText?.contains(errorText) == true, "\(fault.name): \(answer.errorText ?? "none")")
        } else {
            #expect(answer.errorText == nil, "\(fault.name): \(answer.errorText ?? "")")
        }
        if fault.status != .complete {
            #expect(Self.statusBar(ended).contains(says), "\(fault.name): the status bar says so\n\(ended)")
        }
        #expect(server.askedCount - before == fault.requests, "\(fault.name)\n\(Self.requestLog(server))")

        try Self.expectResponsive(tmux, fault.name)
        let versions = try Self.answers(in: store).count
        let requestsBefore = server.askedCount
        try tmux.sendKeys("C-r")
        // Also: the server has answered the Ctrl-R's one request, so no request of this case can still
        // arrive and take the fault the next case queues.
        try tmux.waitFor("\(fault.name): Ctrl-R brings a whole new answer", timeout: 60) { screen in
            // One read for both: the new answer's row could appear between a read of the last answer
            // and a count, which then passed on the old answer.
            let answers = try? Self.answers(in: store)
            let retried = answers?.last
            return server.askedCount == requestsBefore + 1 && answers?.count == versions + 1
                && retried?.status == .complete
                && retried?.answer.hasPrefix("You said: “\(question)”.") == true
                && screen.contains("You said: “\(question)”.") && screen.contains("│ done")
        }
    }

    /// Runs `body`; a screen that never came is reported with every request the server received, the
    /// scenario it answered each with and the last question each carried (which request took which
    /// queued fault).
    static func withRequestLog(of server: FakeServer, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as TmuxError {
            throw TmuxError(message: error.message + "\n" + requestLog(server))
        }
    }

    /// Every request the server received: the scenario it answered with and the last question it carried.
    static func requestLog(_ server: FakeServer) -> String {
        let requests = server.receivedRequests.enumerated().map { index, request in
            let body = request.json
            let messages = body?["messages"]?.arrayValue ?? []
            let question = messages.last { $0["role"]?.stringValue == "user" }?["content"]?.stringValue ?? ""
            let last = messages.last?["role"]?.stringValue ?? "none"
            return "\(index + 1). \(request.method) \(request.path) → \(request.scenario ?? "none") · "
                + "\(messages.count) messages, the last from \(last) · last question: \(question.prefix(60))"
        }
        return "requests received:\n" + requests.joined(separator: "\n")
    }

    /// The help opens and closes: the loop still reads keys and draws.
    static func expectResponsive(_ tmux: TmuxSession, _ name: String) throws {
        try tmux.sendKeys("F1")
        try tmux.waitFor(text: "Keys — Esc closes", timeout: 60)
        try tmux.sendKeys("Escape")
        try tmux.waitFor("\(name): the help closed", timeout: 60) {
            !$0.contains("Keys — Esc closes") && $0.contains("Message")
        }
    }

    /// The screen's last line with text.
    static func statusBar(_ screen: String) -> String {
        String(screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) } ?? "")
    }

    static func answers(in store: ConversationStore) throws -> [Message] {
        guard let conversation = try store.listConversations().first else { return [] }
        return try store.messages(in: conversation.conversation.id).filter { $0.role == .assistant }
    }

    static func lastAnswer(in store: ConversationStore) -> Message? {
        (try? answers(in: store))?.last
    }
}
