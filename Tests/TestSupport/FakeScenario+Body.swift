import PonderCore

extension FakeScenario {
    /// The whole response body the fake server would stream for this scenario, as one byte array
    /// (faults that need a live connection — stalls, closes — just end the body). Used to generate
    /// recorded streams for decode tests and benchmarks.
    public func recordedBody(kind: ProviderKind, model: String = "deepseek-reasoner", lastUserMessage: String = "hello")
        -> [UInt8]
    {
        let format: FakeWireFormat
        switch kind {
        case .deepseek, .openai, .openrouter, .vllm, .llamacpp, .local: format = .openAI
        case .ollama: format = .ollama
        case .anthropic: format = .anthropic
        }
        var script = FakeResponseScript(
            scenario: self, format: format, model: model, lastUserMessage: lastUserMessage, promptTokens: 64)
        var body: [UInt8] = []
        for write in script.build() {
            if case .bytes(let bytes) = write { body += bytes }
        }
        return body
    }
}
