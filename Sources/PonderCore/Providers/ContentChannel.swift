/// Routes a provider's text into reasoning and answer deltas. Text from a dedicated reasoning field
/// (`reasoning_content`, `reasoning`, `thinking`) is reasoning as is; answer text passes through the
/// inline `<think>` splitter. Once a reasoning field has been seen, reasoning the splitter finds in the
/// answer text is a duplicate (servers that send both) and is dropped. A reasoning field that comes
/// before any answer text also means the server separates the reasoning itself, so a template's
/// opening tag is no longer assumed.
struct ContentChannel: Sendable {
    private var splitter: ThinkTagSplitter
    private var reasoningFieldSeen = false
    private var answerTextSeen = false

    init(forcedOpenThink: Bool) {
        splitter = ThinkTagSplitter(forcedOpen: forcedOpenThink)
    }

    mutating func reasoningField(_ text: String, into out: inout [StreamDelta]) {
        if !reasoningFieldSeen, !answerTextSeen { splitter = ThinkTagSplitter() }
        reasoningFieldSeen = true
        out.append(.reasoning(text))
    }

    mutating func answerText(_ text: String, into out: inout [StreamDelta]) {
        if !text.isEmpty { answerTextSeen = true }
        if splitter.isPassingThrough {
            out.append(.answer(text))
            return
        }
        append(splitter.feed(text), into: &out)
    }

    mutating func finish(into out: inout [StreamDelta]) {
        append(splitter.finish(), into: &out)
    }

    private func append(_ pieces: [ThinkTagSplitter.Piece], into out: inout [StreamDelta]) {
        for piece in pieces {
            switch piece {
            case .reasoning(let text): if !reasoningFieldSeen { out.append(.reasoning(text)) }
            case .answer(let text): out.append(.answer(text))
            }
        }
    }
}
