import PonderCore

/// What the fake provider server does with one request: how many reasoning and answer tokens it
/// streams, how fast, in which voice, and which fault it injects. Scenarios are plain values; the
/// server picks one per request (`title` for a title request, else a queued scenario, else the
/// `model` name, else its default).
public struct FakeScenario: Equatable, Sendable {
    /// The voice of the generated text.
    public enum Style: String, Equatable, Sendable {
        /// `step 1 …` reasoning, an answer quoting the last user message.
        case plain
        /// An answer with headings, a fenced code block, a table and a list.
        case markdown
        /// Reasoning and answer in Chinese with emoji.
        case chinese
        /// Text full of terminal escapes: CSI, OSC 52 clipboard writes, DCS, bidi overrides, BEL.
        case hostile
        /// Every payload of `EscapeCorpus`, one per token, in the reasoning and in the answer.
        case escapes
        /// No reasoning; a one-line title (`Title: "Refined …"`) made from the first words of the
        /// `Question:` line of the prompt, as a reply to a title request.
        case title
        /// A trace of one-sentence paragraphs of six tokens in which every fifth opens with
        /// "Wait," — a reflection point the outline finds: `Part 1 adds one more term.`, …,
        /// `Wait, let me check part 5 again.`
        case trace
    }

    /// A fault to inject.
    public enum Fault: Equatable, Sendable {
        case none
        /// Close the connection after this many tokens (no finish, no `[DONE]`).
        case closeAfter(tokens: Int)
        /// Stop sending after this many tokens but keep the connection open.
        case stallAfter(tokens: Int)
        /// Answer with this HTTP status and a provider-style JSON error body.
        case httpStatus(Int)
        /// Answer the first `times` requests of this scenario with `status`, then stream normally.
        case statusThenSuccess(status: Int, times: Int)
        /// Send a line that is not JSON after this many tokens.
        case malformedLine(afterTokens: Int)
        /// Send an in-band error object after this many tokens.
        case inBandError(afterTokens: Int)
        /// End the body normally but leave out the end marker (`[DONE]`, `done`, `message_stop`)
        /// and the finish reason.
        case noEndMarker
        /// Leave out only `[DONE]` (the finish reason and usage still arrive).
        case noDone
        /// Send one reasoning token of this many bytes as a single line.
        case hugeLine(bytes: Int)
        /// Reset the connection (RST, not FIN) after this many tokens.
        case resetAfter(tokens: Int)
        /// Send a token whose JSON string holds bytes that are not UTF-8 after this many tokens, then go on.
        case invalidUTF8(afterTokens: Int)
        /// End normally with `[DONE]` (or the format's end), but with no finish reason anywhere.
        case noFinishReason
        /// Send an in-band error whose message repeats the request's `Authorization` header.
        case inBandErrorEchoingKey(afterTokens: Int)
    }

    public var name: String
    public var reasoningTokens: Int
    public var answerTokens: Int
    /// Tokens per second; nil streams as fast as possible.
    public var tokensPerSecond: Double?
    public var style: Style
    public var fault: Fault
    /// `: keep-alive` comments (SSE) sent before the first token, 50 ms apart.
    public var keepAlivesBeforeFirstToken: Int
    /// End lines with CRLF instead of LF.
    public var crlf: Bool
    /// Split a multibyte character of the first reasoning token across two separate writes.
    public var splitMultibyte: Bool
    /// Write every token as its own HTTP chunk, back to back, instead of batching up to 16 KB at full speed.
    public var chunkPerToken: Bool
    /// Milliseconds between the keep-alive comments sent before the first token.
    public var keepAliveIntervalMilliseconds: Int
    /// The `Retry-After` header sent with 429 and 503 answers (nil sends none).
    public var retryAfter: String?
    /// The message of an HTTP error body, instead of the usual one for the status.
    public var errorMessage: String?
    /// OpenAI format only: reasoning also arrives as OpenRouter `reasoning_details` fragments (one per
    /// token, then a signature fragment), beside `delta.reasoning`.
    public var reasoningDetails: Bool

    public init(
        name: String = "custom",
        reasoningTokens: Int = 12,
        answerTokens: Int = 8,
        tokensPerSecond: Double? = nil,
        style: Style = .plain,
        fault: Fault = .none,
        keepAlivesBeforeFirstToken: Int = 0,
        crlf: Bool = false,
        splitMultibyte: Bool = false,
        chunkPerToken: Bool = false,
        keepAliveIntervalMilliseconds: Int = 50,
        retryAfter: String? = "0",
        errorMessage: String? = nil,
        reasoningDetails: Bool = false
    ) {
        self.name = name
        self.reasoningTokens = reasoningTokens
        self.answerTokens = answerTokens
        self.tokensPerSecond = tokensPerSecond
        self.style = style
        self.fault = fault
        self.keepAlivesBeforeFirstToken = keepAlivesBeforeFirstToken
        self.crlf = crlf
        self.splitMultibyte = splitMultibyte
        self.chunkPerToken = chunkPerToken
        self.keepAliveIntervalMilliseconds = keepAliveIntervalMilliseconds
        self.retryAfter = retryAfter
        self.errorMessage = errorMessage
        self.reasoningDetails = reasoningDetails
    }
}

extension FakeScenario {
    public static let standard = FakeScenario(name: "fake-reasoner")
    public static let slow = FakeScenario(name: "fake-slow", reasoningTokens: 60, answerTokens: 40, tokensPerSecond: 20)
    /// The same pace for 60 s: a test that acts in the middle of a stream has a minute, not 5 s, on a
    /// loaded machine.
    public static let slowAndLong = FakeScenario(
        name: "fake-slow-long", reasoningTokens: 1_160, answerTokens: 40, tokensPerSecond: 20)
    public static let stall = FakeScenario(name: "fake-stall", fault: .stallAfter(tokens: 3))
    public static let unauthorized = FakeScenario(name: "fake-401", fault: .httpStatus(401))
    public static let rateLimitedThenOK = FakeScenario(
        name: "fake-429-then-ok", fault: .statusThenSuccess(status: 429, times: 1))
    public static let closeEarly = FakeScenario(name: "fake-close-early", fault: .closeAfter(tokens: 5))
    public static let markdown = FakeScenario(
        name: "fake-markdown", reasoningTokens: 6, answerTokens: 0, style: .markdown)
    public static let chinese = FakeScenario(name: "fake-chinese", style: .chinese)
    public static let hostile = FakeScenario(name: "fake-hostile", reasoningTokens: 6, answerTokens: 6, style: .hostile)
    public static let escapes = FakeScenario(
        name: "fake-escapes", reasoningTokens: EscapeCorpus.payloads.count, answerTokens: EscapeCorpus.payloads.count,
        style: .escapes)
    public static let long = FakeScenario(name: "fake-long", reasoningTokens: 100_000, answerTokens: 50)
    public static let noReasoning = FakeScenario(name: "fake-no-reasoning", reasoningTokens: 0, answerTokens: 10)
    /// OpenRouter's shape: `delta.reasoning` with `reasoning_details` fragments.
    public static let reasoningDetails = FakeScenario(name: "fake-reasoning-details", reasoningDetails: true)
    /// The reply to a title request, whatever the model (see `isTitleRequest`).
    public static let title = FakeScenario(name: "fake-title", reasoningTokens: 0, answerTokens: 1, style: .title)
    /// A 40-step trace with reflection points at steps 5, 10, … 40, streamed in about 2 s.
    public static let trace = FakeScenario(
        name: "fake-trace", reasoningTokens: 240, answerTokens: 4, tokensPerSecond: 120, style: .trace)

    /// Every scenario selectable by `model` name, in listing order: the everyday ones, then the
    /// fault matrix (`FakeScenario.faults`).
    public static let named: [FakeScenario] =
        [
            .standard, .slow, .slowAndLong, .stall, .unauthorized, .rateLimitedThenOK, .closeEarly, .markdown, .chinese,
            .hostile, .escapes, .long, .noReasoning, .reasoningDetails, .trace,
        ] + faults

    /// The scenario whose name is `name`, if any.
    public static func named(_ name: String) -> FakeScenario? {
        named.first { $0.name == name }
    }

    /// The output limit a request body sets (`max_tokens`, `max_completion_tokens` or Ollama's
    /// `options.num_predict`): the server stops there with a `length` finish, as providers do.
    public static func tokenLimit(_ json: JSONValue?) -> Int? {
        json?["max_tokens"]?.intValue ?? json?["max_completion_tokens"]?.intValue
            ?? json?["options"]?["num_predict"]?.intValue
    }

    /// Whether a request body asks for a conversation title: at most 32 tokens (`max_tokens`, or
    /// Ollama's `options.num_predict`) — the short request Ponder sends to refine a title.
    public static func isTitleRequest(_ json: JSONValue?) -> Bool {
        let limit = json?["max_tokens"]?.intValue ?? json?["options"]?["num_predict"]?.intValue
        return limit == titleTokenLimit
    }

    /// The `max_tokens` of a title request.
    public static let titleTokenLimit = 32

    /// An HTTP error status with a provider-style body.
    public static func status(_ code: Int) -> FakeScenario {
        FakeScenario(name: "fake-\(code)", fault: .httpStatus(code))
    }
}
