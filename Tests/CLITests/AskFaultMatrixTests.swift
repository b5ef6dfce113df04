import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The fault matrix through `ponder ask`: every way a provider can fail, each against the fake
/// server's scenario of the same name. For each: the exit code, one clear line on stderr, the stored
/// message (status, error text, the partial text kept), and a `--continue` that works afterwards.
@Suite(.serialized, .ownThreads) struct AskFaultMatrixTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var model: String
        var exitCode: Int32
        var status: MessageStatus
        /// Text the one stderr line must contain (nil: stderr stays empty).
        var says: String?
        /// The stored reasoning and answer must start with these (the partial text kept).
        var reasoningKept: String = ""
        var answerKept: String = ""
        var idleTimeout: Int?
        var requests = 1

        var testDescription: String { model }
    }

    static func steps(_ count: Int) -> String { (1...count).map { "step \($0) " }.joined() }
    static let answerStart = "You said: “what is up?”."

    static let cases: [Case] = [
        Case(
            model: "fault-reset-reasoning", exitCode: 69, status: .interrupted, says: "(connection reset by peer)",
            reasoningKept: steps(10)),
        Case(
            model: "fault-reset-answer", exitCode: 69, status: .interrupted, says: "(connection reset by peer)",
            reasoningKept: steps(10), answerKept: answerStart + " Point 1. Point 2."),
        Case(
            model: "fault-burst-close", exitCode: 69, status: .interrupted, says: "the server closed the connection",
            reasoningKept: steps(100), answerKept: answerStart + (1...19).map { " Point \($0)." }.joined()),
        Case(
            model: "fault-stall-reasoning", exitCode: 69, status: .failed,
            says: "sent nothing for 1 s; Ponder gave up waiting. The partial response was kept; retry, or raise "
                + "idle_timeout in [providers.fake] in the config.",
            reasoningKept: steps(5), idleTimeout: 1),
        Case(
            model: "fault-keepalive-queue", exitCode: 0, status: .complete, says: nil, reasoningKept: steps(12),
            answerKept: answerStart, idleTimeout: 1),
        Case(
            model: "fault-429-retry-after", exitCode: 0, status: .complete, says: nil, reasoningKept: steps(12),
            answerKept: answerStart, requests: 2),
        Case(model: "fault-503", exitCode: 75, status: .failed, says: "fake is overloaded (HTTP 503)", requests: 4),
        Case(model: "fault-401", exitCode: 77, status: .failed, says: "did not accept the API key (HTTP 401)"),
        Case(model: "fault-402", exitCode: 75, status: .failed, says: "insufficient balance (HTTP 402)"),
        Case(
            model: "fault-400-context", exitCode: 75, status: .failed,
            says: "rejected the request (HTTP 400). The server said: \"This model's maximum context length is 65536"),
        Case(
            model: "fault-malformed", exitCode: 75, status: .failed, says: "a response line Ponder cannot read",
            reasoningKept: steps(4)),
        Case(
            model: "fault-huge-line", exitCode: 0, status: .complete, says: nil,
            reasoningKept: String(repeating: "x", count: 10 << 20) + "step 2 ", answerKept: answerStart),
        Case(
            model: "fault-invalid-utf8", exitCode: 0, status: .complete, says: nil,
            reasoningKept: steps(3) + "bytes \u{FFFD}", answerKept: answerStart),
        Case(
            model: "fault-no-end", exitCode: 69, status: .interrupted, says: "closed before the response finished",
            reasoningKept: steps(12), answerKept: answerStart),
        Case(
            model: "fault-no-finish-reason", exitCode: 0, status: .complete,
            says: "the provider ended the answer without saying why (no finish reason); it may be incomplete",
            reasoningKept: steps(12), answerKept: answerStart),
        Case(
            model: "fault-inband-error", exitCode: 75, status: .failed,
            says: "stopped the response with an error: Upstream provider overloaded (code 502)",
            reasoningKept: steps(4)),
        Case(
            model: "fault-key-echo", exitCode: 75, status: .failed,
            says: "stopped the response with an error: Invalid request header: Bearer <redacted>",
            reasoningKept: steps(4)),
    ]

    @Test(arguments: cases)
    func eachFaultEndsClearlyAndKeepsWhatArrived(_ fault: Case) async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(
            baseURL: server.baseURL, model: fault.model, extra: fault.idleTimeout.map { "idle_timeout = \($0)" } ?? "")

        let result = try cli.run(["ask", "--hide-reasoning", "what is up?"], timeout: 120)
        #expect(result.status == fault.exitCode, "\(result.stderr)")
        if let says = fault.says {
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("ponder: "))
            #expect(result.stderr.contains(says), "\(result.stderr)")
        } else {
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
        #expect(server.receivedRequests.count == fault.requests)

        let store = try ConversationStore.open(at: cli.databaseURL)
        let conversation = try #require(try store.listConversations().first)
        let stored = try #require(try store.messages(in: conversation.id).last)
        #expect(stored.role == .assistant)
        #expect(stored.status == fault.status)
        #expect(stored.reasoning.hasPrefix(fault.reasoningKept))
        #expect(stored.answer.hasPrefix(fault.answerKept))
        if fault.status == .complete {
            #expect(stored.errorText == nil)
            #expect(result.stdout == stored.answer + "\n", "what was printed is what was saved")
        } else {
            let errorText = try #require(stored.errorText)
            #expect(result.stderr.contains(errorText), "the stored error is the one printed")
            #expect(result.stdout == (stored.answer.isEmpty ? "" : stored.answer + "\n"))
        }

        // The conversation goes on; the question that failed is in its history only when some answer
        // text came back (a question left without an answer is not sent again).
        let next = try cli.run(["ask", "--continue", "-m", "fake-reasoner", "--hide-reasoning", "go on"])
        #expect(next.status == 0, "\(next.stderr)")
        let sent = try #require(server.receivedRequests.last).sentMessages
        #expect(sent.first?.content.hasPrefix("what is up?") == !stored.answer.isEmpty)
        #expect(sent.last?.content.hasSuffix("go on") == true)
        #expect(next.stdout.hasSuffix(" Point 7.\n"))
        #expect(try store.messages(in: conversation.id).count == 4)
        #expect(try store.messages(in: conversation.id).last?.status == .complete)
    }

    /// A fast burst and a close, ten times over: every token that was sent is printed and saved.
    @Test func aBurstThenACloseLosesNothingRunAfterRun() async throws {
        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "fault-burst-close")
        let answer = Self.answerStart + (1...19).map { " Point \($0)." }.joined()
        for run in 1...10 {
            let result = try cli.run(["ask", "--json", "what is up?"])
            #expect(result.status == 69)
            let events = result.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
            let text = { (type: String) in
                events.filter { $0["type"]?.stringValue == type }.compactMap { $0["text"]?.stringValue }.joined()
            }
            #expect(text("reasoning") == Self.steps(100), "run \(run)")
            #expect(text("answer") == answer, "run \(run)")
            let id = try #require(events.last?["conversation_id"]?.stringValue)
            let stored = try ConversationStore.open(at: cli.databaseURL).messages(in: ConversationID(id)).last
            #expect(stored?.reasoning == Self.steps(100) && stored?.answer == answer, "run \(run)")
        }
    }

    @Test func aRefusedConnectionIsReportedAtOnce() throws {
        let cli = try CLIHarness()
        let port = try #require(FreePort.find())
        try cli.writeConfig(baseURL: "http://127.0.0.1:\(port)")
        let started = Date()
        let result = try cli.run(["ask", "what is up?"])
        #expect(Date().timeIntervalSince(started) < 10, "not after the 15 s connect timeout")
        #expect(result.status == 69)
        #expect(
            result.stderr == "ponder: Could not reach 127.0.0.1: connection refused. Check the base URL, the "
                + "network and any proxy settings (HTTPS_PROXY, NO_PROXY).\n")
        let store = try ConversationStore.open(at: cli.databaseURL)
        let conversation = try #require(try store.listConversations().first)
        let stored = try #require(try store.messages(in: conversation.id).last)
        #expect(stored.status == .failed)
        #expect(stored.errorText?.hasPrefix("Could not reach 127.0.0.1: connection refused.") == true)
    }
}
