import PonderCore
import Testing

/// What each provider's request carries, and what it never sends back.
@Suite struct RequestBuilderTests {
    static let conversation = ConversationID("c1")

    static func message(
        _ role: MessageRole, _ answer: String, reasoning: String = "", status: MessageStatus = .complete
    )
        -> Message
    {
        Message(conversationID: conversation, role: role, reasoning: reasoning, answer: answer, status: status)
    }

    static func settings(
        _ kind: ProviderKind, model: String = "m", thinking: ThinkingMode = .auto, baseURL: String? = nil
    )
        -> ProviderSettings
    {
        ProviderSettings(
            name: "test", kind: kind, baseURL: baseURL ?? ProviderDefaults.baseURL(for: kind), model: model,
            apiKey: APIKey(value: "sk-secret", source: "the TEST_KEY environment variable"), thinking: thinking,
            maxTokens: 2000, temperature: 0.7)
    }

    static let history = [
        message(.user, "first question"),
        message(.assistant, "first answer", reasoning: "first reasoning"),
        message(.user, "second question"),
        message(.assistant, "", reasoning: "cut off while thinking", status: .cancelled),
        message(.user, "third question"),
    ]

    @Test func deepSeekNeverEchoesReasoningAndKeepsAlternation() {
        let request = ChatRequest(
            settings: Self.settings(.deepseek, model: "deepseek-reasoner"), systemPrompt: "Be brief.",
            history: Self.history)
        let prepared = RequestBuilder.chatRequest(for: request)
        #expect(prepared.url == "https://api.deepseek.com/chat/completions")
        #expect(prepared.header("authorization") == "Bearer sk-secret")
        #expect(prepared.header("accept") == "text/event-stream")
        let messages = prepared.body?["messages"]?.arrayValue ?? []
        #expect(messages.map { $0["role"]?.stringValue ?? "" } == ["system", "user", "assistant", "user"])
        // The second question got no answer: it is left out, not glued to the third.
        #expect(
            messages.map { $0["content"]?.stringValue ?? "" } == [
                "Be brief.", "first question", "first answer", "third question",
            ])
        #expect(messages.allSatisfy { $0["reasoning_content"] == nil })
        #expect(!prepared.body!.serialized.contains("reasoning"))
        #expect(prepared.body?["stream"] == true)
        #expect(prepared.body?["stream_options"]?["include_usage"] == true)
        #expect(prepared.body?["max_tokens"] == 2000)
        // Ignored in thinking mode, so not sent.
        #expect(prepared.body?["temperature"] == nil)
        #expect(prepared.body?["thinking"] == nil)
    }

    @Test func deepSeekThinkingSwitch() {
        let on = RequestBuilder.chatRequest(
            for: ChatRequest(
                settings: Self.settings(.deepseek, model: "deepseek-chat", thinking: .on), history: Self.history))
        #expect(on.body?["thinking"] == ["type": "enabled"])
        #expect(on.body?["temperature"] == nil)
        let off = RequestBuilder.chatRequest(
            for: ChatRequest(
                settings: Self.settings(.deepseek, model: "deepseek-v4-pro", thinking: .off), history: Self.history))
        #expect(off.body?["thinking"] == ["type": "disabled"])
        #expect(off.body?["temperature"] == .number(0.7))
        let effort = RequestBuilder.chatRequest(
            for: ChatRequest(settings: Self.settings(.deepseek, thinking: .level(.max)), history: Self.history))
        #expect(effort.body?["thinking"] == ["type": "enabled"])
        #expect(effort.body?["reasoning_effort"] == "max")
        let chatDefault = RequestBuilder.chatRequest(
            for: ChatRequest(settings: Self.settings(.deepseek, model: "deepseek-chat"), history: Self.history))
        #expect(chatDefault.body?["temperature"] == .number(0.7))
    }

    @Test func deepSeekContinuationUsesPrefixCompletion() {
        let partial = Self.message(.assistant, "The answer is", reasoning: "Assume p/q", status: .interrupted)
        let request = ChatRequest(
            settings: Self.settings(.deepseek, model: "deepseek-reasoner"),
            history: Array(Self.history.prefix(3)) + [partial],
            continuation: partial)
        let prepared = RequestBuilder.chatRequest(for: request)
        #expect(prepared.url == "https://api.deepseek.com/beta/chat/completions")
        let messages = prepared.body?["messages"]?.arrayValue ?? []
        #expect(messages.count == 4)
        #expect(
            messages.last == [
                "role": "assistant", "content": "The answer is", "prefix": true, "reasoning_content": "Assume p/q",
            ])
    }

    @Test func openAICompatibleEndpointsAndThinking() {
        let vllm = Self.settings(.openai, thinking: .level(.high), baseURL: "http://gpu:8000/v1/")
        let prepared = RequestBuilder.chatRequest(for: ChatRequest(settings: vllm, history: Self.history))
        #expect(prepared.url == "http://gpu:8000/v1/chat/completions")
        #expect(prepared.body?["reasoning_effort"] == "high")
        #expect(prepared.body?["temperature"] == .number(0.7))
        #expect(!prepared.body!.serialized.contains("reasoning_content"))
        let bare = Self.settings(.openai, baseURL: "http://127.0.0.1:1234")
        #expect(
            RequestBuilder.chatRequest(for: ChatRequest(settings: bare, history: Self.history)).url
                == "http://127.0.0.1:1234/v1/chat/completions")
    }

    @Test func localEngineTurnsThinkingOffThroughTheTemplate() {
        let local = Self.settings(.local, thinking: .off)
        let prepared = RequestBuilder.chatRequest(for: ChatRequest(settings: local, history: Self.history))
        #expect(prepared.url == "http://127.0.0.1:8080/v1/chat/completions")
        #expect(prepared.body?["chat_template_kwargs"] == ["enable_thinking": false])
        #expect(prepared.body?["reasoning_effort"] == "none")
    }

    @Test func localEngineRequestsNeverReuseAConnection() {
        let local = RequestBuilder.chatRequest(for: ChatRequest(settings: Self.settings(.local), history: Self.history))
        #expect(local.header("connection") == "close")
        let openAI = RequestBuilder.chatRequest(
            for: ChatRequest(settings: Self.settings(.openai), history: Self.history))
        #expect(openAI.header("connection") == nil)
    }

    @Test func continuationOnOtherProviders() {
        let partial = Self.message(.assistant, "Half an answer ", status: .interrupted)
        let history = Array(Self.history.prefix(3))
        let openAI = RequestBuilder.chatRequest(
            for: ChatRequest(settings: Self.settings(.openai), history: history, continuation: partial))
        let openAIMessages = openAI.body?["messages"]?.arrayValue ?? []
        #expect(openAIMessages.suffix(2).map { $0["role"]?.stringValue ?? "" } == ["assistant", "user"])
        #expect(openAIMessages.last?["content"]?.stringValue == ProviderDefaults.continueInstruction)
        let local = RequestBuilder.chatRequest(
            for: ChatRequest(settings: Self.settings(.local), history: history, continuation: partial))
        #expect(local.body?["messages"]?.arrayValue?.last == ["role": "assistant", "content": "Half an answer "])
        let anthropic = RequestBuilder.chatRequest(
            for: ChatRequest(
                settings: Self.settings(.anthropic, thinking: .on), history: history, continuation: partial))
        #expect(anthropic.body?["messages"]?.arrayValue?.last == ["role": "assistant", "content": "Half an answer"])
        #expect(anthropic.body?["thinking"] == nil)
        let ollama = RequestBuilder.chatRequest(
            for: ChatRequest(settings: Self.settings(.ollama), history: history, continuation: partial))
        #expect(ollama.body?["messages"]?.arrayValue?.last == ["role": "assistant", "content": "Half an answer "])
    }

    @Test func ollamaNativeRequest() {
        let prepared = RequestBuilder.chatRequest(
            for: ChatRequest(
                settings: Self.settings(.ollama, model: "gpt-oss:20b", thinking: .level(.low)), history: Self.history))
        #expect(prepared.url == "http://127.0.0.1:11434/api/chat")
        #expect(prepared.body?["think"] == "low")
        #expect(prepared.body?["options"] == ["num_predict": 2000, "temperature": .number(0.7)])
        #expect(!prepared.body!.serialized.contains("thinking"))
    }

    @Test func anthropicRequest() {
        var settings = Self.settings(.anthropic, thinking: .level(.high))
        settings.maxTokens = nil
        let prepared = RequestBuilder.chatRequest(
            for: ChatRequest(settings: settings, systemPrompt: "Be brief.", history: Self.history))
        #expect(prepared.url == "https://api.anthropic.com/v1/messages")
        #expect(prepared.header("x-api-key") == "sk-secret")
        #expect(prepared.header("authorization") == nil)
        #expect(prepared.header("anthropic-version") == ProviderDefaults.anthropicVersion)
        #expect(prepared.body?["system"] == "Be brief.")
        #expect(prepared.body?["thinking"] == ["type": "enabled", "budget_tokens": 16384])
        // No budget set: room for the answer above the thinking budget.
        #expect(prepared.body?["max_tokens"] == .number(16384 + 4096))
        #expect(prepared.body?["temperature"] == nil)
        let roles = prepared.body?["messages"]?.arrayValue?.map { $0["role"]?.stringValue ?? "" }
        #expect(roles == ["user", "assistant", "user"])
    }

    @Test func onlyAnsweredExchangesAreSent() {
        let partial = Self.message(.assistant, "The first half", status: .interrupted)
        let history = [
            Self.message(.user, "failed question"),
            Self.message(.assistant, "", status: .failed),
            Self.message(.user, "stopped question"),
            partial,
            Self.message(.user, "thinking only"),
            Self.message(.assistant, "", reasoning: "still thinking", status: .cancelled),
            Self.message(.user, "last question"),
        ]
        let turns = ConversationTurns(ChatRequest(settings: Self.settings(.openai), history: history)).turns
        #expect(turns.map(\.text) == ["stopped question", "The first half", "last question"])
        #expect(turns.map(\.role) == [.user, .assistant, .user])
        // Continuing the partial answer: its question stays, the partial answer becomes the prefill.
        let continuing = ConversationTurns(
            ChatRequest(settings: Self.settings(.openai), history: Array(history[0...3]), continuation: partial))
        #expect(continuing.turns.map(\.text) == ["stopped question"])
    }

    @Test func extraHeadersAreSent() {
        var settings = Self.settings(.openai)
        settings.extraHeaders = ["HTTP-Referer": "https://ponder.example", "X-Title": "Ponder"]
        let prepared = RequestBuilder.chatRequest(for: ChatRequest(settings: settings, history: Self.history))
        #expect(prepared.header("x-title") == "Ponder")
        #expect(prepared.header("http-referer") == "https://ponder.example")
    }

    @Test func modelListEndpoints() {
        #expect(RequestBuilder.modelsRequest(for: Self.settings(.deepseek)).url == "https://api.deepseek.com/models")
        #expect(RequestBuilder.modelsRequest(for: Self.settings(.ollama)).url == "http://127.0.0.1:11434/api/tags")
        #expect(RequestBuilder.modelsRequest(for: Self.settings(.local)).url == "http://127.0.0.1:8080/v1/models")
    }
}
