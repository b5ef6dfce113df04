import PonderCore
import Testing

/// The inline `<think>` cases of the protocol reference (§8.3).
@Suite struct ThinkTagSplitterTests {
    struct Result: Equatable {
        var reasoning = ""
        var answer = ""
        var unterminated = false
    }

    func split(_ chunks: [String], forcedOpen: Bool = false) -> (Result, [[ThinkTagSplitter.Piece]]) {
        var splitter = ThinkTagSplitter(forcedOpen: forcedOpen)
        var perChunk: [[ThinkTagSplitter.Piece]] = chunks.map { splitter.feed($0) }
        perChunk.append(splitter.finish())
        var result = Result()
        for piece in perChunk.joined() {
            switch piece {
            case .reasoning(let text): result.reasoning += text
            case .answer(let text): result.answer += text
            }
        }
        result.unterminated = splitter.reasoningUnterminated
        return (result, perChunk)
    }

    @Test func case1Simple() {
        #expect(split(["<think>a</think>b"]).0 == Result(reasoning: "a", answer: "b"))
    }

    @Test func case2OpeningTagSplit() {
        let (result, perChunk) = split(["<thi", "nk>abc</think>x"])
        #expect(perChunk[0].isEmpty)
        #expect(result == Result(reasoning: "abc", answer: "x"))
    }

    @Test func case3ClosingTagSplit() {
        let (result, perChunk) = split(["<think>abc</", "think>x"])
        #expect(perChunk[0] == [.reasoning("abc")])
        #expect(result == Result(reasoning: "abc", answer: "x"))
    }

    @Test func case4ClosingTagInPieces() {
        #expect(split(["<think>ab", "<", "/thi", "nk>", "y"]).0 == Result(reasoning: "ab", answer: "y"))
    }

    @Test func case5OtherTagsInsideReasoning() {
        #expect(split(["<think>a </b> c</think>d"]).0 == Result(reasoning: "a </b> c", answer: "d"))
    }

    @Test func case6LessThanThatIsNotATag() {
        #expect(split(["<think>x <", "3</think>ok"]).0 == Result(reasoning: "x <3", answer: "ok"))
    }

    @Test func case7ForcedOpen() {
        #expect(split(["abc</think>def"], forcedOpen: true).0 == Result(reasoning: "abc", answer: "def"))
    }

    @Test func case8ForcedOpenNeverClosed() {
        #expect(split(["Hello!"], forcedOpen: true).0 == Result(reasoning: "Hello!", unterminated: true))
    }

    @Test func case9Unterminated() {
        #expect(split(["<think>abc"]).0 == Result(reasoning: "abc", unterminated: true))
    }

    @Test func case10LeadingWhitespace() {
        #expect(split(["\n\n<think>x</think>y"]).0 == Result(reasoning: "x", answer: "y"))
    }

    @Test func case11EmptyBlock() {
        #expect(split(["<think>\n\n</think>\n\nAnswer"]).0 == Result(answer: "Answer"))
    }

    @Test func case12LiteralTagInAnswer() {
        #expect(split(["<think>r</think>Use <think> tags"]).0 == Result(reasoning: "r", answer: "Use <think> tags"))
    }

    @Test func case13PlainAnswer() {
        #expect(split(["Plain answer"]).0 == Result(answer: "Plain answer"))
    }

    @Test func case14LoneLessThan() {
        #expect(split(["<"]).0 == Result(answer: "<"))
    }

    @Test func case15ReasoningFieldAndInlineTags() {
        // A server sending both the field and the tags: the reasoning is shown once.
        var decoder = ResponseStreamDecoder(kind: .openai)
        let chunk =
            #"data: {"choices":[{"index":0,"delta":{"reasoning_content":"r","content":"<think>r</think>a"}}]}"#
            + "\n\n"
        #expect(decoder.feed(Array(chunk.utf8)) == [.reasoning("r"), .answer("a")])
    }

    @Test func everySplitPointGivesTheSameText() {
        let text = "\n<think>one <b> two </thin three</think>\n\nthe answer </think> stays"
        let whole = split([text]).0
        #expect(whole == Result(reasoning: "one <b> two </thin three", answer: "the answer </think> stays"))
        let characters = Array(text)
        for cut in 1..<characters.count {
            let parts = [String(characters[..<cut]), String(characters[cut...])]
            #expect(split(parts).0 == whole, "cut at \(cut)")
        }
    }
}
