import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// Two `ponder ask` streaming into one store while `list`, `search`, `export` and `rm` run against
/// it over and over: every write lands, and nobody is told the database is locked.
@Suite(.serialized, .ownThreads) struct SharedStoreTests {
    @Test func twoAsksAndTheHistoryCommandsShareOneStore() async throws {
        // 10 s of stream, so the history commands run several rounds beside it even on a loaded machine.
        let server = try await FakeServer.start(
            defaultScenario: FakeScenario(name: "shared", reasoningTokens: 150, answerTokens: 50, tokensPerSecond: 20))
        defer { Task { await server.stop() } }
        let cli = try CLIHarness()
        try cli.writeConfig(baseURL: server.baseURL, model: "shared")
        let store = try ConversationStore.open(at: cli.databaseURL)
        var doomed: [ConversationID] = []
        for index in 1...12 {
            let conversation = Conversation(title: "Earlier \(index)")
            try store.saveTurn(
                conversation: conversation,
                messages: [Message(conversationID: conversation.id, role: .user, answer: "earlier step \(index)")])
            doomed.append(conversation.id)
        }

        // A kept question, so `search question` has a match before either ask has saved its own.
        let kept = Conversation(title: "Kept")
        try store.saveTurn(
            conversation: kept, messages: [Message(conversationID: kept.id, role: .user, answer: "a kept question")])

        let first = try cli.start(["ask", "first question"])
        let second = try cli.start(["ask", "second question"])
        var deletedCount = 0
        var rounds = 0
        var failures: [String] = []
        while first.process.isRunning || second.process.isRunning || rounds < 2 {
            rounds += 1
            var round: [[String]] = [["list"], ["search", "question"], ["list", "--json"]]
            if deletedCount < doomed.count {
                let id = String(doomed[deletedCount].rawValue.prefix(8))
                round += [["export", id], ["rm", id]]
                deletedCount += 1
            }
            for arguments in round {
                let result = try cli.run(arguments)
                if result.status != 0 || !result.stderr.isEmpty {
                    failures.append("\(arguments.joined(separator: " ")) → \(result.status): \(result.stderr)")
                }
            }
        }
        try #require(first.waitForExit(timeout: 60) && second.waitForExit(timeout: 60))
        #expect(failures.isEmpty, "\(failures)")
        for running in [first, second] {
            #expect(running.process.terminationStatus == 0, "\(running.stderr)")
            #expect(!running.stderr.lowercased().contains("lock"))
        }

        let deleted = Set(doomed.prefix(deletedCount))
        #expect(deletedCount >= 3, "the asks ended before the history commands had run a few times")
        let left = try store.listConversations(includeArchived: true, limit: 1000)
        #expect(left.count == 12 - deleted.count + 3)  // the two asked and the kept one
        #expect(left.allSatisfy { !deleted.contains($0.id) })
        let steps = (1...150).map { "step \($0) " }.joined()
        for question in ["first question", "second question"] {
            let summary = try #require(left.first { $0.conversation.title == question })
            let answer = try #require(try store.messages(in: summary.id).last)
            #expect(answer.status == .complete)
            #expect(answer.reasoning == steps)
            #expect(answer.answer.hasSuffix(" Point 49."))
        }
        #expect(try store.integrityProblems().isEmpty)
    }
}
