import PonderCore
import Testing

@Suite struct WrapTests {
    private func wrapped(_ text: String, _ width: Int, mode: LineWrapper.Mode = .words) -> [String] {
        LineWrapper.wrap(text, width: width, mode: mode).map(\.text)
    }

    @Test func wordsWrapAtSpaces() {
        #expect(wrapped("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"])
        #expect(wrapped("exactly ten", 11) == ["exactly ten"])
        #expect(wrapped("", 10) == [""])
    }

    @Test func cjkBreaksBetweenIdeographsAtTheBoundary() {
        #expect(wrapped("中文字符测试", 5) == ["中文", "字符", "测试"])
        #expect(wrapped("中文字符测试", 7) == ["中文字", "符测试"])
        #expect(wrapped("abc中文", 4) == ["abc", "中文"])
        #expect(wrapped("中文abc", 3) == ["中", "文", "abc"])
    }

    @Test func cjkClosingPunctuationNeverStartsALine() {
        #expect(wrapped("中文，好", 4) == ["中", "文，", "好"])
        #expect(wrapped("「中文」", 4) == ["「中", "文」"])
    }

    @Test func emojiZWJSequencesStayWhole() {
        let family = "👨‍👩‍👧"
        // A family is drawn as its three members, 6 columns; a line never splits one.
        let lines = wrapped("ab \(family)\(family)\(family)", 12)
        #expect(lines == ["ab", family + family, family])
        for line in lines { #expect(DisplayWidth.of(line) <= 12) }
    }

    @Test func combiningMarksStayWithTheirBase() {
        let word = String(repeating: "e\u{301}", count: 4)
        let lines = wrapped(word, 3)
        #expect(lines == [String(repeating: "e\u{301}", count: 3), "e\u{301}"])
    }

    @Test func longWordsBreakHard() {
        #expect(wrapped("a supercalifragilistic word", 8) == ["a", "supercal", "ifragili", "stic", "word"])
        #expect(wrapped("中", 1) == ["中"])
    }

    @Test func indentationContinuesOnWrappedLines() {
        let lines = LineWrapper.wrap(
            [StyledSpan("one two three four")], width: 12, firstPrefix: [StyledSpan("- ")],
            continuationPrefix: [StyledSpan("  ")])
        #expect(lines.map(\.text) == ["- one two", "  three four"])
        #expect(PlainText.lines("  - item with words", width: 10).map(\.text) == ["  - item", "  with", "  words"])
    }

    @Test func newlinesForceBreaksAndKeepIndentation() {
        #expect(wrapped("line one\n    indented\n\nend", 40) == ["line one", "    indented", "", "end"])
    }

    @Test func codeWrapsBetweenCharactersKeepingSpaces() {
        #expect(wrapped("let  x = 1", 4, mode: .characters) == ["let", " x =", " 1"])
        #expect(wrapped("a中文b", 3, mode: .characters) == ["a中", "文b"])
    }

    @Test func stylesSurviveTheBreak() {
        let strong = TextStyle(.strong)
        let lines = LineWrapper.wrap([StyledSpan("bold", strong), StyledSpan(" text")], width: 4)
        #expect(lines == [StyledLine([StyledSpan("bold", strong)]), StyledLine([StyledSpan("text")])])
    }

    @Test func wordsSpanningStylesDoNotBreakInside() {
        let lines = LineWrapper.wrap(
            [StyledSpan("aa "), StyledSpan("bo", TextStyle(.strong)), StyledSpan("ld")], width: 5)
        #expect(lines.map(\.text) == ["aa", "bold"])
    }

    @Test func plainTextIsSanitised() {
        let lines = PlainText.lines("bad\u{1B}[2J\tend", width: 40)
        #expect(lines.map(\.text) == ["bad␛[2J end"])
        #expect(lines[0].spans.contains { $0.style.sanitized && $0.text == "␛[2J" })
    }

    /// Splitting text into spans of the same style at any cluster boundary never changes the
    /// result: ASCII runs take a fast path, the rest is walked by cluster, and both must agree.
    @Test func wrappingDoesNotDependOnHowTextIsSplitIntoSpans() {
        let text =
            "Mixed 中文字符 and ASCII, (括号）「引用」 e\u{301}t\u{301}e\u{301} 👨‍👩‍👧👨‍👩‍👧 a.b,c 好，\n  indented 推理 "
            + "supercalifragilisticexpialidocious 问题。end"
        var state: UInt64 = 3
        for width in 1...40 {
            let whole = LineWrapper.wrap([StyledSpan(text)], width: width)
            let perCharacter = LineWrapper.wrap(text.map { StyledSpan(String($0)) }, width: width)
            #expect(perCharacter == whole, "width \(width)")
            var pieces: [StyledSpan] = []
            var rest = text[...]
            while !rest.isEmpty {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let length = Int((state >> 33) % 7) + 1
                pieces.append(StyledSpan(String(rest.prefix(length))))
                rest = rest.dropFirst(length)
            }
            #expect(LineWrapper.wrap(pieces, width: width) == whole, "width \(width)")
        }
    }
}
