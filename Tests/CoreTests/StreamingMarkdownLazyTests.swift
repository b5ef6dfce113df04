import PonderCore
import Testing

/// Lazy layout: queries that render only what they return give the same lines as rendering
/// everything, for random documents, widths and chunkings.
@Suite struct StreamingMarkdownLazyTests {
    /// Deterministic pseudo-random numbers.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let words = [
        "the", "model", "checks", "whether", "x", "equals", "two", "推理", "问题", "中文字符测试", "🤔", "👨‍👩‍👧",
        "e\u{301}t\u{301}e\u{301}", "**bold**", "*em*", "`code`", "[link](https://example.com)", "（括号）", "好，",
        "supercalifragilisticexpialidocious", "a\tb", "red\u{1B}[31m", "~~gone~~", "1.", "-", "|", "##",
    ]

    /// A random document mixing paragraphs, lists, code (fenced and indented), tables, quotes,
    /// headings and blank-line runs.
    static func document(seed: UInt64, blocks: Int) -> String {
        var random = Random(state: seed)
        var text = ""
        func sentence(_ count: Int) -> String {
            (0..<count).map { _ in random.pick(words) }.joined(separator: random.next(9) == 0 ? "  " : " ")
        }
        for _ in 0..<blocks {
            switch random.next(10) {
            case 0: text += "```swift\nlet x = \(random.next(100))\n\n    indented()\n```\n"
            case 1: text += "- \(sentence(6))\n- \(sentence(12))\n  - \(sentence(4))\n"
            case 2: text += "| a | 名称 |\n|---|:--:|\n| \(random.next(9)) | \(sentence(3)) |\n"
            case 3: text += "> \(sentence(10))\n> \(sentence(5))\n"
            case 4: text += "## \(sentence(4))\n"
            case 5: text += "    indented code \(random.next(50))\n    more\n"
            case 6: text += "  \(sentence(8))\n    \(sentence(8))\n"
            default: text += sentence(5 + random.next(40)) + (random.next(3) == 0 ? "\n" + sentence(6) : "") + "\n"
            }
            text += String(repeating: "\n", count: 1 + random.next(2))
        }
        return text
    }

    private func stream(_ text: String, mode: StreamingMarkdown.Mode, finished: Bool, chunk seed: UInt64)
        -> StreamingMarkdown
    {
        let stream = StreamingMarkdown(mode: mode)
        let bytes = Array(text.utf8)
        var random = Random(state: seed)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1 + random.next(40))
            stream.append(utf8: bytes[start..<end])
            start = end
        }
        if finished { stream.finish() }
        return stream
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func lazyQueriesEqualTheFullRender(seed: UInt64) {
        var random = Random(state: seed &* 977)
        let text = Self.document(seed: seed, blocks: 30)
        for mode in [StreamingMarkdown.Mode.markdown, .plainText] {
            for finished in [true, false] {
                let width = 1 + random.next(110)
                let reference = stream(text, mode: mode, finished: finished, chunk: seed).allLines(width: width)
                if mode == .markdown && finished {
                    #expect(reference == MarkdownRenderer.render(text, width: width))
                }
                // Each query on a fresh stream, so nothing it needs was laid out before.
                #expect(
                    stream(text, mode: mode, finished: finished, chunk: seed + 1).lineCount(width: width)
                        == reference.count)
                for _ in 0..<4 {
                    let count = 1 + random.next(60)
                    let skipped = random.next(reference.count + 5)
                    let fresh = stream(text, mode: mode, finished: finished, chunk: seed + 2)
                    let end = max(0, reference.count - skipped)
                    let expected = Array(reference[max(0, end - count)..<end])
                    #expect(fresh.lastLines(count, width: width, skippingLast: skipped) == expected)
                    let lower = random.next(reference.count + 3)
                    let range = lower..<(lower + random.next(80))
                    #expect(
                        fresh.lines(in: range, width: width) == Array(reference[range.clamped(to: 0..<reference.count)])
                    )
                    #expect(
                        fresh.lines(endingAt: range.upperBound, count: range.count, width: width)
                            == Array(reference[range.clamped(to: 0..<reference.count)]))
                }
            }
        }
    }

    @Test func followModeRendersOnlyTheLastBlocks() {
        let stream = StreamingMarkdown(mode: .markdown)
        for paragraph in 0..<2_000 {
            stream.append("Paragraph \(paragraph) with a few words that wrap at forty columns or so, twice.\n\n")
        }
        stream.append("```\ncode\n```\n\nstill typing")
        let screen = stream.lastLines(10, width: 40)
        #expect(screen.last?.text == "still typing")
        #expect(screen.contains { $0.codeBlock == 0 && $0.text.contains("code") })
        #expect(stream.blockRenderCount <= 5)
        let before = stream.blockRenderCount
        _ = stream.lastLines(10, width: 40)
        #expect(stream.blockRenderCount == before)
    }

    @Test func plainTextCountsWithoutRendering() {
        let stream = StreamingMarkdown(text: Self.document(seed: 9, blocks: 200), mode: .plainText)
        let total = stream.lineCount(width: 50)
        #expect(stream.blockRenderCount == 0)
        #expect(total == stream.allLines(width: 50).count)
        #expect(stream.blockRenderCount == stream.frozenBlockCount)
    }

    @Test(arguments: [StreamingMarkdown.Mode.markdown, .plainText])
    func searchHitsMapToTheLineShowingThem(mode: StreamingMarkdown.Mode) {
        var text = ""
        var random = Random(state: 5)
        var markers: [(offset: Int, word: String)] = []
        for paragraph in 0..<120 {
            for index in 0..<(10 + random.next(30)) {
                if index > 0 { text += " " }
                if random.next(12) == 0 {
                    let word = "hit\(paragraph)x\(index)"
                    markers.append((text.utf8.count, word))
                    text += word
                } else {
                    text += random.pick(["alpha", "beta", "推理", "gamma", "δ", "wait"])
                }
            }
            text += "\n\n"
        }
        text += "tail words hitTAIL end"
        markers.append((text.utf8.count - 11, "hitTAIL"))
        let stream = StreamingMarkdown(text: text, mode: mode, finished: false)
        for width in [20, 33, 80] {
            let lines = StreamingMarkdown(text: text, mode: mode, finished: false).allLines(width: width)
            for marker in markers {
                let index = stream.lineIndex(forUTF8Offset: marker.offset, width: width)
                #expect(lines[index].text.contains(marker.word), "\(marker.word) at \(width): \(lines[index].text)")
            }
            let characters = text.distance(from: text.startIndex, to: text.range(of: "hitTAIL")!.lowerBound)
            #expect(lines[stream.lineIndex(forCharacterOffset: characters, width: width)].text.contains("hitTAIL"))
            #expect(stream.lineIndex(forUTF8Offset: 0, width: width) == 0)
            #expect(stream.lineIndex(forUTF8Offset: text.utf8.count + 10, width: width) == lines.count - 1)
        }
    }

    /// The trace reader asks for the same steps' lines every frame: an offset in a frozen block is
    /// laid out once per width, and later questions are answered from what was worked out then,
    /// also after more text arrived.
    @Test(arguments: [StreamingMarkdown.Mode.markdown, .plainText])
    func anOffsetInAFrozenBlockIsLaidOutOncePerWidth(mode: StreamingMarkdown.Mode) {
        let paragraphs = (0..<40).map { paragraph in
            (0..<30).map { "word\(paragraph)x\($0)" }.joined(separator: " ")
        }
        let text = paragraphs.joined(separator: "\n\n") + "\n\ntail still growing"
        let stream = StreamingMarkdown(text: text, mode: mode, finished: false)
        let offsets = paragraphs.indices.map {
            text.utf8.distance(from: text.startIndex, to: text.range(of: "word\($0)x7 ")!.lowerBound)
        }
        let first = offsets.map { stream.lineIndex(forUTF8Offset: $0, width: 30) }
        let laidOut = stream.offsetLayoutCount
        #expect(laidOut == offsets.count)
        stream.append(" and more words")
        #expect(offsets.map { stream.lineIndex(forUTF8Offset: $0, width: 30) } == first)
        #expect(stream.offsetLayoutCount == laidOut)
        let fresh = StreamingMarkdown(text: text + " and more words", mode: mode, finished: false)
        #expect(offsets.map { fresh.lineIndex(forUTF8Offset: $0, width: 30) } == first)
        _ = offsets.map { stream.lineIndex(forUTF8Offset: $0, width: 41) }
        #expect(stream.offsetLayoutCount == 2 * laidOut)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func countingEqualsWrapping(seed: UInt64) {
        var random = Random(state: seed)
        let text = Self.document(seed: seed + 100, blocks: 12)
        for _ in 0..<6 {
            let width = 1 + random.next(70)
            #expect(PlainText.lineCount(text, width: width) == PlainText.lines(text, width: width).count)
            let spans = [StyledSpan(String(text.prefix(200))), StyledSpan("more words", TextStyle(.strong))]
            let prefix = [StyledSpan(String(repeating: " ", count: random.next(6)))]
            for mode in [LineWrapper.Mode.words, .characters] {
                #expect(
                    LineWrapper.lineCount(
                        spans, width: width, firstPrefix: prefix, continuationPrefix: prefix, mode: mode)
                        == LineWrapper.wrap(
                            spans, width: width, firstPrefix: prefix, continuationPrefix: prefix, mode: mode
                        ).count)
            }
        }
    }
}
