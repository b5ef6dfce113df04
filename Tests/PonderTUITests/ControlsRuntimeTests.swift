import Foundation
import PonderCore
import TestSupport
import Testing

@testable import PonderTUI

/// The app's turns apply the open conversation's controls: the chosen provider and model, the thinking
/// level, the answer budget and the system prompt reach the request body, are saved with the
/// conversation, and an answer's finish reason is stored.
@Suite(.serialized) struct ControlsRuntimeTests {
    static func harness() async throws -> RuntimeHarness {
        let server = try await FakeServer.start()
        let fake = ProviderConfig(name: "fake", kind: .deepseek, baseURL: server.baseURL, model: "fake-reasoner")
        let other = ProviderConfig(
            name: "other", kind: .openai, baseURL: server.baseURL, model: "fake-no-reasoning",
            models: ["fake-markdown"])
        return try RuntimeHarness(
            server: server, provider: fake, size: Size(width: 120, height: 30), providers: ["other": other])
    }

    /// How long a turn may take: the whole suite runs these beside every other test on two cores.
    static let patience = 90.0

    /// The bodies of the chat requests, oldest first.
    static func chatBodies(_ app: RuntimeHarness) -> [JSONValue] {
        app.server.receivedRequests.filter { $0.target.contains("chat") }.compactMap(\.json)
    }

    @Test func effortBudgetAndSystemPromptReachTheRequestAndAreSaved() async throws {
        let app = try await Self.harness()
        app.send("first")
        #expect(await app.waitForEnds(1, timeout: Self.patience))
        app.press(.alt(.character("t")))  // auto → off
        app.press(.alt(.character("t")))  // off → low
        app.press(.alt(.character("l")))
        for digit in "4096" { app.press(.character(digit)) }
        app.press(KeyPress(.enter))
        app.press(.alt(.character("s")))
        for character in "Be brief." { app.press(.character(character)) }
        app.press(KeyPress(.enter))
        app.send("second")
        #expect(await app.waitForEnds(2, timeout: Self.patience))
        let body = try #require(Self.chatBodies(app).last)
        #expect(body["reasoning_effort"]?.stringValue == "low")
        #expect(body["max_tokens"]?.intValue == 4096)
        #expect(body["messages"]?[0]?["role"]?.stringValue == "system")
        #expect(body["messages"]?[0]?["content"]?.stringValue == "Be brief.")
        let first = try #require(Self.chatBodies(app).first)
        #expect(first["reasoning_effort"] == nil && first["messages"]?[0]?["role"]?.stringValue == "user")
        let id = try #require(app.state.conversationID)
        let stored = try #require(try app.store.conversation(id))
        #expect(stored.controls.effort == .low)
        #expect(stored.controls.maxOutputTokens == 4096)
        #expect(stored.controls.systemPrompt == "Be brief.")
        await app.shutdown()
    }

    @Test func switchingTheModelSendsTheNextQuestionToItAndRegenerateMakesASibling() async throws {
        let app = try await Self.harness()
        app.send("first")
        #expect(await app.waitForEnds(1, timeout: Self.patience))
        app.press(.alt(.character("m")))
        for character in "no-reasoning" { app.press(.character(character)) }
        app.press(KeyPress(.enter))
        #expect(app.state.modelLabel == "fake-no-reasoning")
        app.send("second")
        #expect(await app.waitForEnds(2, timeout: Self.patience))
        #expect(Self.chatBodies(app).map { $0["model"]?.stringValue } == ["fake-reasoner", "fake-no-reasoning"])
        let second = try #require(app.state.messages.last)
        #expect(second.provider == "other" && second.model == "fake-no-reasoning")
        // Ctrl-R in the picker asks the same question again of the chosen model: a sibling.
        app.press(.alt(.character("m")))
        for character in "markdown" { app.press(.character(character)) }
        app.press(.ctrl("r"))
        #expect(await app.waitForEnds(3, timeout: Self.patience))
        #expect(Self.chatBodies(app).last?["model"]?.stringValue == "fake-markdown")
        let answers = app.state.siblings(of: try #require(app.state.messages.last))
        #expect(answers.map(\.model) == ["fake-no-reasoning", "fake-markdown"])
        let id = try #require(app.state.conversationID)
        #expect(try app.store.conversation(id)?.controls.model == "fake-markdown")
        await app.shutdown()
    }

    @Test func aBudgetUsedWhileThinkingIsStoredAndContinued() async throws {
        let app = try await Self.harness()
        app.press(.alt(.character("l")))
        for digit in "5" { app.press(.character(digit)) }
        app.press(KeyPress(.enter))
        app.send("think long")
        #expect(await app.waitForEnds(1, timeout: Self.patience))
        let answer = try #require(app.state.messages.last)
        #expect(ResponseEnding(answer) == .budgetUsedWhileThinking)
        #expect(try app.store.message(answer.id)?.finishReason == .length)
        #expect(Self.chatBodies(app).last?["max_tokens"]?.intValue == 5)
        app.press(.ctrl("g"))
        #expect(await app.waitForEnds(2, timeout: Self.patience))
        #expect(Self.chatBodies(app).count == 2)
        #expect(app.state.messages.last?.id == answer.id)
        await app.shutdown()
    }
}
