import Testing

@testable import PonderCore

/// Wrapping a text that grows at its end keeps rows from before; the rows must be the ones wrapping
/// the whole text from scratch gives, wherever the text was split.
@Suite struct GrowingTextWrapTests {
    static let texts: [String] = [
        "The quick brown fox jumps over the lazy dog. "
            + String(repeating: "Then it thinks again, at length. ", count: 8),
        "    An indented line that goes on long enough to wrap onto continuation rows with its hanging indent.",
        "                                        deeply indented words that wrap",
        "word " + String(repeating: "x", count: 130) + " tail of it and a_very_long_identifier_that_breaks_hard end",
        "中文字符测试，这是一个很长的句子「引号」里面有标点。然后继续写下去直到换行为止，再写一些。",
        "mixed 中文 and ASCII, emoji 👨‍👩‍👧 and flags 🇯🇵🇫🇷 and café with e\u{301} accents and ☺\u{FE0F} too",
        "first line\nsecond line that is a good deal longer than the width\n\n  indented third\nlast",
        "tabs\tand control \u{1B}[31mred\u{1B}[0m text that needs sanitising before it is wrapped at all",
    ]

    /// Paragraphs that markdown draws as their plain words.
    static let prose: [String] = [
        "The model weighs the question, step by step, and then answers in plain words (with 3.5 percent "
            + "of \"quoted\" text). " + String(repeating: "It goes on thinking for a while longer. ", count: 6),
        "中文推理的段落，没有任何标记。然后继续写下去直到换行为止，再写一些更多的文字来填满几行。",
        "Words and an extraordinarilylongwordthatisbrokenhardacrossrowsbecauseitiswiderthanthepane then more.",
    ]

    /// Every prefix of `text` that ends between two scalars, as the stream appends whole characters.
    static func prefixes(of text: String) -> [String] {
        var result: [String] = []
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            index = text.unicodeScalars.index(after: index)
            result.append(String(text.unicodeScalars[..<index]))
        }
        return result
    }

    @Test(arguments: [7, 12, 20, 33])
    func appendingOneCharacterAtATimeGivesTheRowsOfWrappingFromScratch(width: Int) {
        for text in Self.texts {
            var wrap = GrowingTextWrap(width: width, style: .plain)
            for prefix in Self.prefixes(of: text) {
                let rows = wrap.lines(prefix)
                if Sanitizer.needsSanitizing(prefix) {
                    #expect(rows == nil, "text to sanitise is left to the caller: \(prefix.debugDescription)")
                } else {
                    let whole = PlainText.lines(prefix, width: width)
                    #expect(rows == whole, "\(width) columns: \(prefix.debugDescription)")
                }
            }
        }
    }

    @Test(arguments: [9, 16, 40])
    func oneDeltaAfterAnySplitGivesTheRowsOfWrappingFromScratch(width: Int) {
        for text in Self.texts where !Sanitizer.needsSanitizing(text) {
            let whole = PlainText.lines(text, width: width)
            for prefix in Self.prefixes(of: text) {
                var wrap = GrowingTextWrap(width: width, style: .plain)
                _ = wrap.lines(prefix)
                #expect(wrap.lines(text) == whole, "\(width) columns, split after \(prefix.debugDescription)")
            }
        }
    }

    @Test func keepsRowsSoAnAppendWrapsOnlyTheLastRow() {
        var wrap = GrowingTextWrap(width: 20, style: .plain)
        let text = String(repeating: "some words here ", count: 40)
        _ = wrap.lines(text)
        #expect(wrap.rewrappedBytes < 20, "wrapped again from byte \(text.utf8.count - wrap.rewrappedBytes)")
    }

    /// The trace reader asks, every frame, for the line of a step that starts in the unfinished
    /// paragraph (laying out the paragraph up to that step), beside the paragraph's own lines. Each
    /// frame must still wrap only what was appended, for the whole paragraph and for the step.
    @Test(arguments: [StreamingMarkdown.Mode.markdown, .plainText])
    func askingForAStepsLineInTheTailKeepsTheTailsRows(mode: StreamingMarkdown.Mode) {
        let streamed = StreamingMarkdown(mode: mode, dim: true)
        let width = 36
        for token in 1...1_000 {
            streamed.append("step \(token) ")
            guard token % 3 == 0 else { continue }
            let lines = streamed.lineCount(width: width)
            let stepLine = streamed.lineIndex(forUTF8Offset: 4, width: width)
            #expect(stepLine == 0 && lines > 0)
        }
        let scratch = StreamingMarkdown(text: streamed.text, mode: mode, dim: true, finished: false)
        #expect(streamed.allLines(width: width) == scratch.allLines(width: width))
        let text = streamed.text.utf8.count
        #expect(
            streamed.tailBytesWrapped < 10 * text,
            "\(streamed.tailBytesWrapped) bytes wrapped for a paragraph of \(text) bytes, laid out 333 times")
    }

    @Test func streamedPlainTextDrawsTheRowsOfTheWholeText() {
        let text = Self.texts.joined(separator: " ")
        for width in [11, 30] {
            let streamed = StreamingMarkdown(mode: .plainText, dim: true)
            for (number, piece) in Self.prefixes(of: text).enumerated() where number % 3 == 0 {
                streamed.append(String(piece.unicodeScalars.dropFirst(streamed.text.unicodeScalars.count)))
                let scratch = StreamingMarkdown(text: streamed.text, mode: .plainText, dim: true, finished: false)
                #expect(streamed.allLines(width: width) == scratch.allLines(width: width), "\(width): \(number)")
            }
        }
    }

    @Test(arguments: [10, 24, 60])
    func plainProseStreamedAsMarkdownDrawsWhatMarkdownDraws(width: Int) {
        for text in Self.prose {
            #expect(StreamingMarkdown.isPlainProse(Array(text.utf8)[...]))
            let streamed = StreamingMarkdown(mode: .markdown, dim: true)
            for prefix in Self.prefixes(of: text) {
                streamed.append(String(prefix.unicodeScalars.dropFirst(streamed.text.unicodeScalars.count)))
                let expected = MarkdownRenderer(width: width, dim: true).renderBlock(prefix).lines
                #expect(streamed.allLines(width: width) == expected, "\(width) columns: \(prefix.debugDescription)")
            }
            let kept = streamed.tailWraps.first { $0.wrap.width == width }?.wrap.rewrappedBytes
            #expect(kept.map { $0 < text.utf8.count } == true, "the rows before the last one were kept")
        }
    }

    @Test func markupIsNotPlainProse() {
        for text in [
            "some *emphasis*", "a `code` span", "a [link](x)", "see www.example.com", "mail a@b.c", "http://x",
            "a | table", "~~gone~~", "1. a list", "- item", "# heading", "> quote", "&amp;", "<b>", "snake_case",
            "two\nlines", "    code", "tab\there",
        ] {
            #expect(!StreamingMarkdown.isPlainProse(Array(text.utf8)[...]), "\(text.debugDescription)")
        }
    }
}
