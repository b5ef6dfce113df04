import Foundation
import GRDB
import PonderCore
import TestSupport
import Testing

@Suite struct LLMImportTests {
    /// The fixture made by llm itself (see Tests/ImportFixtures/README.md).
    @Test func threadsFromTheRealToolBecomeConversations() throws {
        let directory = try TemporaryDirectory(prefix: "ponder-llm")
        let url = try ImportFixtures.copy("llm-logs.db", into: directory.url)
        let plan = try LLMLogsParser.plan(databaseAt: url, file: "logs.db")
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.conversations.count == 3)
        let sky = try #require(plan.conversations.first { $0.messages.first?.answer == "Why is the sky blue?" })
        #expect(sky.messages.map(\.role) == [.user, .assistant, .user, .assistant], "a continued conversation")
        #expect(sky.messages[2].answer == "And at sunset?")
        #expect(sky.messages[2].parentSourceID == sky.messages[1].sourceID)
        let answer = sky.messages[1]
        #expect(answer.answer.hasPrefix("You said: “Why is the sky blue?”."))
        #expect(answer.model == "fake-reasoner")
        #expect(answer.usage.promptTokens == 13 && answer.usage.completionTokens == 20)
        #expect(answer.usage.reasoningTokens == 12, "llm keeps the reasoning token count")
        #expect(answer.timings.finished != nil && answer.timings.sent != nil)
        let prime = try #require(plan.conversations.first { $0.systemPrompt == "Answer tersely." })
        #expect(prime.messages.map(\.role) == [.user, .assistant])
        let thought = try #require(plan.conversations.first { $0.messages.contains { !$0.reasoning.isEmpty } })
        #expect(thought.messages.last?.reasoning.contains("step 3") == true)
    }

    /// Older llm versions: a `responses` row per exchange, grouped in `conversations`.
    @Test func legacyResponsesAreReadInOrderWithReasoningAndUsage() throws {
        let directory = try TemporaryDirectory(prefix: "ponder-llm-legacy")
        let url = directory.url.appendingPathComponent("logs.db")
        try Self.makeLegacyDatabase(at: url)
        let plan = try LLMLogsParser.plan(databaseAt: url, file: "logs.db")
        #expect(plan.conversations.count == 2)
        let chat = try #require(plan.conversations.first { $0.sourceID == "01conv" })
        #expect(chat.title == "Rust lifetimes" && chat.model == "deepseek-reasoner")
        #expect(
            chat.messages.map(\.answer) == ["What is a lifetime?", "A scope for a borrow.", "Example?", "fn f<'a>()"])
        #expect(chat.messages[1].reasoning == "Explain borrows simply.")
        #expect(chat.messages[3].reasoning == "Show the syntax.", "think tags in the response are split out")
        #expect(chat.messages[2].parentSourceID == chat.messages[1].sourceID)
        #expect(chat.messages[1].usage.promptTokens == 10 && chat.messages[1].usage.reasoningTokens == 5)
        #expect(chat.messages[1].timings.finished == chat.messages[0].createdAt.addingTimeInterval(1.5))
        #expect(chat.systemPrompt == "Be brief.")
        let lone = try #require(plan.conversations.first { $0.sourceID == "01lone" })
        #expect(lone.messages.count == 2 && lone.title == "Standalone prompt")
    }

    @Test func otherFilesAreExplained() throws {
        let directory = try TemporaryDirectory(prefix: "ponder-llm-bad")
        let text = directory.url.appendingPathComponent("notes.txt")
        try Data("hello".utf8).write(to: text)
        let notSQLite = #expect(throws: StoreError.self) { try LLMLogsParser.plan(databaseAt: text, file: "notes.txt") }
        #expect(notSQLite?.message.contains("notes.txt is not an SQLite database") == true)
        let oterm = try ImportFixtures.copy("oterm-store.db", into: directory.url)
        let wrong = #expect(throws: StoreError.self) { try LLMLogsParser.plan(databaseAt: oterm, file: "store.db") }
        #expect(wrong?.message.contains("use --from oterm") == true, "\(wrong?.message ?? "")")
    }

    static func makeLegacyDatabase(at url: URL) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: ImportFixtures.legacyLLMSchema)
            try db.execute(
                sql: """
                    INSERT INTO conversations VALUES ('01conv', 'Rust lifetimes', 'deepseek-reasoner');
                    INSERT INTO responses (id, model, prompt, system, response, conversation_id, duration_ms,
                        datetime_utc, input_tokens, output_tokens, token_details, reasoning)
                    VALUES
                        ('01r1', 'deepseek-reasoner', 'What is a lifetime?', 'Be brief.', 'A scope for a borrow.',
                         '01conv', 1500, '2025-03-01T10:00:00.000000', 10, 20,
                         '{"completion_tokens_details": {"reasoning_tokens": 5}}', 'Explain borrows simply.'),
                        ('01r2', 'deepseek-reasoner', 'Example?', NULL, '<think>Show the syntax.</think>fn f<''a>()',
                         '01conv', 900, '2025-03-01T10:01:00+00:00', 30, 8, NULL, NULL),
                        ('01lone', 'gpt-4o-mini', 'Standalone prompt', NULL, 'Standalone answer', NULL, NULL,
                         '2025-03-02 09:00:00', NULL, NULL, NULL, NULL);
                    """)
        }
    }
}
