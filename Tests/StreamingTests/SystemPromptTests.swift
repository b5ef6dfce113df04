import PonderCore
import Testing

/// A conversation's system prompt, in every provider's place for it.
@Suite struct SystemPromptTests {
    static let history = [
        Message(conversationID: ConversationID("c"), role: .user, answer: "first"),
        Message(conversationID: ConversationID("c"), role: .assistant, answer: "one"),
        Message(conversationID: ConversationID("c"), role: .user, answer: "second"),
    ]

    static func body(_ kind: ProviderKind, system: String?) -> JSONValue {
        let settings = ProviderSettings(
            name: "p", kind: kind, baseURL: ProviderDefaults.baseURL(for: kind), model: "claude-sonnet-4-5")
        return RequestBuilder.chatRequest(for: ChatRequest(settings: settings, systemPrompt: system, history: history))
            .body ?? .null
    }

    @Test(arguments: ProviderKind.allCases)
    func theSystemPromptGoesWhereTheProviderReadsIt(kind: ProviderKind) {
        let prompt = "You review code.\nBugs first."
        let body = Self.body(kind, system: prompt)
        let messages = body["messages"]?.arrayValue ?? []
        if kind == .anthropic {
            #expect(body["system"] == .string(prompt))
            #expect(messages.map { $0["role"]?.stringValue } == ["user", "assistant", "user"])
        } else {
            #expect(messages.first == ["role": "system", "content": .string(prompt)])
            #expect(messages.map { $0["role"]?.stringValue } == ["system", "user", "assistant", "user"])
        }
        let without = Self.body(kind, system: nil)
        #expect(without["system"] == nil)
        #expect(!(without["messages"]?.arrayValue ?? []).contains { $0["role"] == "system" })
        #expect(Self.body(kind, system: "") == without, "an empty prompt is no prompt")
    }
}
