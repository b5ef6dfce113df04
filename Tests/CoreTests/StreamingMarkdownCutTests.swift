import PonderCore
import Testing

/// A paragraph that goes on for kilobytes is cut into frozen pieces while it streams, so the
/// re-rendered tail stays small; the pieces join without blank lines and the cuts do not depend
/// on how the text arrived.
@Suite struct StreamingMarkdownCutTests {
    /// One long paragraph: words with no sentence ends, as a model thinking in one breath.
    static let breathless = (1...4_000).map { "step \($0)" }.joined(separator: " ")
    /// One long paragraph of sentences.
    static let sentences = (1...600).map { "Sentence number \($0) is *here*." }.joined(separator: " ")
    /// Chinese without spaces.
    static let chinese = String(repeating: "我们需要仔细考虑并发哈希表的锁粒度", count: 500)
    /// One run with no space or punctuation at all (a huge token, a 10 MB line of one character).
    static let unbroken = String(repeating: "x", count: 40_000)

    func streamed(_ text: String, chunk: Int) -> StreamingMarkdown {
        let markdown = StreamingMarkdown()
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: chunk, limitedBy: text.endIndex) ?? text.endIndex
            markdown.append(String(text[index..<next]))
            index = next
        }
        return markdown
    }

    @Test(arguments: [breathless, sentences, chinese, unbroken])
    func theTailStaysShortAndTheCutsDoNotDependOnChunking(text: String) {
        let live = streamed(text, chunk: 7)
        #expect(live.frozenBlockCount > 3, "the paragraph was cut while it streamed")
        let whole = StreamingMarkdown()
        whole.append(text)
        #expect(whole.frozenBlockCount == live.frozenBlockCount)
        #expect(whole.allLines(width: 60) == live.allLines(width: 60))
        live.finish()
        whole.finish()
        #expect(whole.allLines(width: 60) == live.allLines(width: 60))
        let lines = live.allLines(width: 60)
        #expect(!lines.contains { $0.spans.allSatisfy { $0.text.isEmpty } }, "no blank line between the pieces")
        let shown = lines.map { $0.spans.map(\.text).joined() }.joined(separator: " ")
        #expect(
            shown.replacingOccurrences(of: " ", with: "").count >= text.replacingOccurrences(of: " ", with: "").count
                - 1200)
    }

    @Test func onlyParagraphsAreCutNeverCodeOrLists() {
        let code = "```\n" + Self.breathless + "\n"
        let fenced = streamed(code, chunk: 11)
        #expect(fenced.frozenBlockCount == 0, "an open code fence is held, not cut")
        let list = streamed("- " + Self.breathless, chunk: 11)
        #expect(list.frozenBlockCount == 0, "a list item is not cut")
        let inlineCode = streamed("Code `" + Self.breathless, chunk: 11)
        #expect(inlineCode.frozenBlockCount == 0, "never inside inline code")
    }

    @Test func theRenderedTailIsBoundedWhileAParagraphStreams() {
        let markdown = StreamingMarkdown()
        var largestTail = 0
        for word in Self.breathless.split(separator: " ") {
            markdown.append(String(word) + " ")
            largestTail = max(largestTail, markdown.tailByteCount)
        }
        #expect(largestTail <= 3 * StreamingMarkdown.softSplitLength + 16)
    }

    @Test func aRunWithoutSpacesIsCutToo() {
        let markdown = StreamingMarkdown()
        var largestTail = 0
        for _ in 0..<1_000 {
            markdown.append(String(repeating: "x", count: 100))
            largestTail = max(largestTail, markdown.tailByteCount)
        }
        #expect(largestTail <= 4 * StreamingMarkdown.softSplitLength + 100)
        #expect(markdown.frozenBlockCount >= 10)
    }
}
