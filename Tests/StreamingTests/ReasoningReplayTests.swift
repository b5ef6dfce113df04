import PonderCore
import Testing

/// Which earlier reasoning goes back to each provider: Anthropic's signed thinking blocks byte for byte
/// or not at all, OpenRouter's merged reasoning details, and nothing anywhere else.
@Suite struct ReasoningReplayTests {
    static let conversation = ConversationID("c")
    static let signedBlocks = ProviderReasoning(
        format: .anthropic,
        items: [
            ["type": "thinking", "thinking": "Let me see: 6 × 7…\n\"quoted\" ✓", "signature": "EqQBCgIYAhIk+/sig=="],
            ["type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4a"],
        ])
    static let details = ProviderReasoning(
        format: .openRouter,
        items: [
            [
                "type": "reasoning.text", "text": "Thinking about it.", "signature": "c2ln", "index": 0,
                "format": "anthropic-claude-v1",
            ]
        ])

    static func history(
        reasoning: ProviderReasoning?, provider: String = "claude", model: String = "claude-sonnet-4-5",
        status: MessageStatus = .complete
    ) -> [Message] {
        [
            Message(conversationID: conversation, role: .user, answer: "6 × 7?"),
            Message(
                conversationID: conversation, role: .assistant, reasoning: "Let me see: 6 × 7…", answer: "42.",
                status: status, provider: provider, model: model, providerReasoning: reasoning),
            Message(conversationID: conversation, role: .user, answer: "And 7 × 8?"),
        ]
    }

    static func body(
        _ kind: ProviderKind, _ history: [Message], thinking: ThinkingMode = .on, model: String = "claude-sonnet-4-5",
        name: String = "claude", continuation: Message? = nil
    ) -> JSONValue {
        let settings = ProviderSettings(
            name: name, kind: kind, baseURL: ProviderDefaults.baseURL(for: kind), model: model, thinking: thinking)
        return RequestBuilder.chatRequest(
            for: ChatRequest(settings: settings, history: history, continuation: continuation)
        ).body ?? .null
    }

    @Test func anthropicGetsItsSignedBlocksBackByteForByte() throws {
        let body = Self.body(.anthropic, Self.history(reasoning: Self.signedBlocks))
        let assistant = try #require(body["messages"]?[1])
        #expect(assistant["role"] == "assistant")
        let content = try #require(assistant["content"]?.arrayValue)
        #expect(Array(content.prefix(2)) == Self.signedBlocks.items)
        #expect(content.last == ["type": "text", "text": "42."])
        // Byte for byte on the wire: the thinking text and signature serialize exactly as received.
        let wire = body.serialized
        #expect(wire.contains(#""signature":"EqQBCgIYAhIk+/sig==""#))
        #expect(wire.contains(#""data":"EmwKAhgBEgy3va3pzix/LafPsn4a""#))
        let parsed = try JSONValue.parse(wire)
        #expect(parsed["messages"]?[1]?["content"]?[0] == Self.signedBlocks.items[0])
        // The question turns stay plain text.
        #expect(body["messages"]?[0]?["content"] == "6 × 7?")
    }

    @Test func anthropicDropsBlocksItCannotUseUnaltered() {
        let plain: JSONValue = ["role": "assistant", "content": "42."]
        // Thinking off or left to the model: a request without thinking gets no thinking blocks.
        #expect(
            Self.body(.anthropic, Self.history(reasoning: Self.signedBlocks), thinking: .off)["messages"]?[1] == plain)
        #expect(
            Self.body(.anthropic, Self.history(reasoning: Self.signedBlocks), thinking: .auto)["messages"]?[1] == plain)
        // Written by another model, or by another provider entry.
        let otherModel = Self.body(.anthropic, Self.history(reasoning: Self.signedBlocks), model: "claude-opus-4-6")
        #expect(otherModel["messages"]?[1] == plain)
        let otherProvider = Self.body(.anthropic, Self.history(reasoning: Self.signedBlocks), name: "work-claude")
        #expect(otherProvider["messages"]?[1] == plain)
        // A cut-off answer, or a block whose signature never arrived.
        #expect(
            Self.body(.anthropic, Self.history(reasoning: Self.signedBlocks, status: .interrupted))["messages"]?[1]
                == plain)
        let unsigned = ProviderReasoning(
            format: .anthropic, items: [["type": "thinking", "thinking": "half", "signature": ""]])
        #expect(Self.body(.anthropic, Self.history(reasoning: unsigned))["messages"]?[1] == plain)
        // A continuation prefills the answer and cannot think.
        let partial = Message(conversationID: Self.conversation, role: .assistant, answer: "56", status: .cancelled)
        let continued = Self.body(
            .anthropic, Self.history(reasoning: Self.signedBlocks) + [partial], continuation: partial)
        #expect(continued["messages"]?[1] == plain)
        #expect(continued["thinking"] == nil)
    }

    @Test func openRouterGetsMergedDetailsBackFromTheSameModel() throws {
        let history = Self.history(
            reasoning: Self.details, provider: "openrouter", model: "anthropic/claude-sonnet-4.5")
        let body = Self.body(.openrouter, history, model: "anthropic/claude-sonnet-4.5", name: "openrouter")
        let assistant = try #require(body["messages"]?[1])
        #expect(assistant["content"] == "42.")
        #expect(assistant["reasoning_details"] == .array(Self.details.items))
        #expect(assistant["reasoning"] == nil && assistant["reasoning_content"] == nil)
        let switched = Self.body(.openrouter, history, model: "deepseek/deepseek-r1", name: "openrouter")
        #expect(switched["messages"]?[1] == ["role": "assistant", "content": "42."])
    }

    @Test(arguments: [ProviderKind.deepseek, .openai, .vllm, .llamacpp, .local, .ollama])
    func otherProvidersNeverGetReasoningBack(kind: ProviderKind) {
        for stored in [Self.signedBlocks, Self.details] {
            let history = Self.history(reasoning: stored, provider: "p", model: "m")
            let body = Self.body(kind, history, model: "m", name: "p")
            #expect(body["messages"]?[1] == ["role": "assistant", "content": "42."], "\(kind)")
            let wire = body.serialized
            #expect(!wire.contains("signature") && !wire.contains("reasoning_details"), "\(kind)")
            #expect(!wire.contains("Let me see"), "\(kind): readable reasoning never goes back")
        }
    }
}
