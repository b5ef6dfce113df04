/// The whole decode pipeline for one response body: bytes in arbitrary pieces → lines → SSE events or
/// NDJSON lines → provider JSON → `StreamDelta`s. Pure and synchronous; the HTTP client feeds it what
/// it reads. After a terminal delta (`.finished` or `.failed`) further input is ignored.
public struct ResponseStreamDecoder: Sendable {
    private enum Dialect: Sendable {
        case openAI
        case anthropic
        case ollama
    }

    private let dialect: Dialect
    private var sse: SSEDecoder
    private var lines: LineSplitter
    private var openAI: OpenAIChunkDecoder
    private var anthropic = AnthropicEventDecoder()
    private var ollama: OllamaChunkDecoder
    private var items: [SSEItem] = []
    /// True once a terminal delta was produced.
    public private(set) var isComplete = false

    /// - Parameters:
    ///   - forcedOpenThink: the model's template pre-fills `<think>`, so answer text starts as reasoning.
    ///   - maximumLineLength: a longer line or event fails the stream with `.malformedStream`.
    public init(kind: ProviderKind, forcedOpenThink: Bool = false, maximumLineLength: Int = 16 << 20) {
        switch kind {
        case .deepseek, .openai, .openrouter, .vllm, .llamacpp, .local: dialect = .openAI
        case .anthropic: dialect = .anthropic
        case .ollama: dialect = .ollama
        }
        sse = SSEDecoder(maximumEventSize: maximumLineLength)
        lines = LineSplitter(terminators: .lineFeed, maximumLineLength: maximumLineLength)
        openAI = OpenAIChunkDecoder(forcedOpenThink: forcedOpenThink, readsReasoningDetails: kind == .openrouter)
        ollama = OllamaChunkDecoder(forcedOpenThink: forcedOpenThink)
    }

    /// Feeds the next piece of the body, appending the deltas it completes to `out`.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, into out: inout [StreamDelta]) {
        guard !isComplete else { return }
        switch dialect {
        case .openAI, .anthropic:
            // Most pieces complete no event; emptying an empty array still costs a call.
            if !items.isEmpty { items.removeAll(keepingCapacity: true) }
            do {
                try sse.feed(chunk, into: &items)
            } catch {
                isComplete = true
                out.append(.failed(.oversized(limit: error.limit)))
                return
            }
            for item in items {
                switch item {
                case .comment:
                    out.append(.keepAlive)
                case .event(let event):
                    let ended =
                        dialect == .openAI
                        ? openAI.decode(event, into: &out) : anthropic.decode(event, into: &out)
                    if ended {
                        isComplete = true
                        return
                    }
                }
            }
        case .ollama:
            var ended = false
            do {
                try lines.feed(chunk) { line in
                    if !ended, ollama.decode(line: line, into: &out) { ended = true }
                }
            } catch {
                isComplete = true
                out.append(.failed(.oversized(limit: error.limit)))
                return
            }
            if ended { isComplete = true }
        }
    }

    /// Convenience: the deltas one piece completes.
    public mutating func feed(_ chunk: [UInt8]) -> [StreamDelta] {
        var out: [StreamDelta] = []
        chunk.withUnsafeBytes { feed($0, into: &out) }
        return out
    }

    /// End of the body. Flushes held-back text; a response that never reached its end marker produces
    /// no terminal delta here (the caller reports it as interrupted), except that a finish reason
    /// already received counts as finished.
    public mutating func finish() -> [StreamDelta] {
        guard !isComplete else { return [] }
        isComplete = true
        var out: [StreamDelta] = []
        switch dialect {
        case .openAI: openAI.finish(into: &out)
        case .anthropic: anthropic.finish(into: &out)
        case .ollama:
            if let last = lines.finish() {
                let ended = last.withUnsafeBytes { ollama.decode(line: $0, into: &out) }
                if !ended { ollama.finish(into: &out) }
            } else {
                ollama.finish(into: &out)
            }
        }
        return out
    }
}
