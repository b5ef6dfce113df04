import PonderCore
import Testing

@Suite struct StreamingMarkdownTests {
    static let document = """
        # 推理 Reasoning 🤔

        First paragraph with **bold**, *emphasis* and `code`, mixed with 中文字符 and emoji 👨‍👩‍👧 so that
        it wraps at forty columns.

        ```swift
        let greeting = "你好"

        print(greeting)
        ```

        - item one
        - item two with [a link](https://example.com)
          continued
        - [x] done task

        1. first

        2. second

        > quoted 引用 text
        > on two lines

        | 名称 | Value |
        |:-----|------:|
        | 苹果 | 3 |
        | banana 🍌 | 12 |

        ---
        Last line without newline \u{1B}[31mred
        """

    /// Deterministic pseudo-random chunk sizes.
    struct Chunker {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound)) + 1
        }
    }

    private func streamed(_ chunks: [[UInt8]], widths: [Int] = [40]) -> StreamingMarkdown {
        let stream = StreamingMarkdown()
        for (index, chunk) in chunks.enumerated() {
            stream.append(utf8: chunk)
            if index % 7 == 0 {
                for width in widths { _ = stream.lines(in: 0..<10_000, width: width) }
            }
        }
        stream.finish()
        return stream
    }

    @Test(arguments: [40, 80])
    func anyChunkingEqualsTheOneShotRender(width: Int) {
        let expected = MarkdownRenderer.render(Self.document, width: width)
        let bytes = Array(Self.document.utf8)

        var chunkings: [[[UInt8]]] = []
        chunkings.append(bytes.map { [$0] })  // byte by byte: splits every multi-byte character
        chunkings.append(stride(from: 0, to: bytes.count, by: 3).map { Array(bytes[$0..<min($0 + 3, bytes.count)]) })
        for seed in [1, 7, 42] as [UInt64] {
            var chunker = Chunker(state: seed)
            var chunks: [[UInt8]] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + chunker.next(17))
                chunks.append(Array(bytes[start..<end]))
                start = end
            }
            chunkings.append(chunks)
        }
        // Split inside the fence markers.
        let fence = bytes.firstIndex(of: UInt8(ascii: "`"))! + 1
        chunkings.append([Array(bytes[..<fence]), Array(bytes[fence..<(fence + 1)]), Array(bytes[(fence + 1)...])])

        for chunks in chunkings {
            let stream = streamed(chunks, widths: [width, width + 7])
            #expect(stream.text == Self.document)
            #expect(stream.allLines(width: width) == expected)
        }
    }

    @Test func stringDeltasSplittingGraphemeClustersMatchToo() {
        let stream = StreamingMarkdown()
        for character in Self.document.unicodeScalars {
            stream.append(String(character))
            _ = stream.lineCount(width: 40)
        }
        stream.finish()
        #expect(stream.allLines(width: 40) == MarkdownRenderer.render(Self.document, width: 40))
    }

    @Test func frozenBlocksAreRenderedOncePerWidth() {
        let stream = StreamingMarkdown()
        for paragraph in 0..<30 {
            for word in 0..<12 {
                stream.append("word\(word) ")
                _ = stream.lines(in: 0..<20, width: 60)
            }
            stream.append("end of paragraph \(paragraph).\n\n")
            _ = stream.lastLines(20, width: 60)
        }
        #expect(stream.frozenBlockCount == 29)
        let followed = stream.blockRenderCount
        #expect(followed == 29)  // following the end renders each block once, as it freezes
        _ = stream.lines(in: 40..<60, width: 30)
        let partial = stream.blockRenderCount - followed
        #expect(partial > 0 && partial < 29)  // only the blocks up to the viewport
        _ = stream.allLines(width: 60)
        _ = stream.allLines(width: 30)
        #expect(stream.blockRenderCount == 58)
        stream.finish()
        _ = stream.allLines(width: 60)
        #expect(stream.blockRenderCount == 59)
    }

    @Test func tailIsRenderedOnlyWhenAskedAndChanged() {
        let stream = StreamingMarkdown()
        stream.append("Hello ")
        stream.append("world")
        #expect(stream.tailRenderCount == 0)
        #expect(stream.allLines(width: 20).map(\.text) == ["Hello world"])
        _ = stream.allLines(width: 20)
        #expect(stream.tailRenderCount == 1)
        stream.append("!")
        #expect(stream.allLines(width: 20).map(\.text) == ["Hello world!"])
        #expect(stream.tailRenderCount == 2)
    }

    @Test func openFenceIsHeldAsRawTextUntilClosed() {
        let stream = StreamingMarkdown()
        stream.append("Intro **now**\n\n```swift\nlet x = 1\n\nlet y")
        let held = stream.allLines(width: 30)
        #expect(held.map(\.text) == ["Intro now", "", "```swift", "let x = 1", "", "let y"])
        #expect(held.allSatisfy { $0.codeBlock == nil })
        stream.append(" = 2\n```\n")
        let closed = stream.allLines(width: 30)
        #expect(
            closed.map(\.text) == [
                "Intro now", "", "╭─ swift ───╮", "│ let x = 1 │", "│           │", "│ let y = 2 │", "╰───────────╯",
            ])
        #expect(closed[2...].allSatisfy { $0.codeBlock == 0 })
    }

    @Test func tableIsHeldUntilComplete() {
        let stream = StreamingMarkdown()
        stream.append("| a | b |\n|---|---|\n| 1 | 2 |")
        #expect(stream.allLines(width: 30).map(\.text) == ["| a | b |", "|---|---|", "| 1 | 2 |"])
        stream.append("\n\nAfter")
        #expect(
            stream.allLines(width: 30).map(\.text) == [
                "┌───┬───┐", "│ a │ b │", "├───┼───┤", "│ 1 │ 2 │", "└───┴───┘", "", "After",
            ])
    }

    @Test func viewportLinesMatchTheFullRender() {
        let stream = StreamingMarkdown()
        for index in 0..<200 {
            stream.append("Paragraph \(index) 段落 with enough words to wrap over a couple of lines here.\n\n")
            if index % 50 == 0 { stream.append("```\ncode \(index)\n```\n\n") }
        }
        stream.append("tail text")
        let all = stream.allLines(width: 40)
        #expect(stream.lineCount(width: 40) == all.count)
        for range in [0..<48, 100..<148, (all.count - 48)..<all.count, 37..<38, (all.count - 3)..<(all.count + 10)] {
            #expect(stream.lines(in: range, width: 40) == Array(all[range.clamped(to: 0..<all.count)]))
        }
        #expect(all.compactMap(\.codeBlock).max() == 3)
    }

    @Test func plainTextModeWrapsAndDims() {
        let stream = StreamingMarkdown(mode: .plainText, dim: true)
        stream.append("Thinking about **this** 问题\n\nSecond\u{7} thought")
        let lines = stream.allLines(width: 16)
        #expect(lines.map(\.text) == ["Thinking about", "**this** 问题", "", "Second␇ thought"])
        #expect(lines.allSatisfy { $0.spans.allSatisfy(\.style.dim) })
    }

    @Test func loadedTextRendersLikeTheRenderer() {
        let stream = StreamingMarkdown(text: Self.document)
        #expect(stream.isFinished)
        #expect(stream.allLines(width: 80) == MarkdownRenderer.render(Self.document, width: 80))
    }
}
