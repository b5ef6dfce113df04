import PonderCore
import Testing

@Suite struct SanitizerTests {
    @Test func plainASCIIAndNewlinesPassUntouched() {
        let text = "Hello, world!\nSecond line ~ {}"
        #expect(Sanitizer.sanitize(text) == text)
        #expect(!Sanitizer.needsSanitizing(text))
        #expect(!Sanitizer.needsSanitizing("推理 🤔 e\u{301} 👨‍👩‍👧 🇨🇳"))
    }

    @Test(arguments: [
        ("red \u{1B}[31mtext\u{1B}[0m", "red ␛[31mtext␛[0m"),
        ("\u{1B}[?1049h", "␛[?1049h"),
        ("\u{1B}[2J\u{1B}[H", "␛[2J␛[H"),
        ("\u{1B}]52;c;ZXZpbA==\u{7}after", "␛]52;c;ZXZpbA==␇after"),
        ("\u{1B}]0;title\u{1B}\\after", "␛]0;title␛\\after"),
        ("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "␛]8;;http://x␛\\link␛]8;;␛\\"),
        ("\u{1B}Pq#0;2;0;0;0\u{1B}\\", "␛Pq#0;2;0;0;0␛\\"),
        ("\u{1B}_Gf=100\u{1B}\\", "␛_Gf=100␛\\"),
        ("\u{1B}^pm\u{1B}\\", "␛^pm␛\\"),
        ("\u{1B}Xsos\u{1B}\\", "␛Xsos␛\\"),
        ("\u{1B}7\u{1B}8\u{1B}c", "␛7␛8␛c"),
        ("\u{1B}(B", "␛(B"),
        ("lone \u{1B}", "lone ␛"),
        ("bell\u{7}", "bell␇"),
        ("back\u{8}\u{8}space", "back␈␈space"),
        ("nul\u{0}", "nul␀"),
        ("del\u{7F}", "del␡"),
        ("\u{9B}31m", "␛[31m"),
        ("\u{9D}52;c;eA==\u{9C}", "␛]52;c;eA==␛\\"),
        ("next\u{85}line", "next␛Eline"),
        ("cr\r\nlf", "cr\nlf"),
        ("lone\rcr", "lone␍cr"),
        ("abc\u{202E}fed\u{202C}", "abc⟨RLO⟩fed⟨PDF⟩"),
        ("\u{202A}\u{202B}\u{202D}", "⟨LRE⟩⟨RLE⟩⟨LRO⟩"),
        ("\u{2066}a\u{2067}b\u{2068}c\u{2069}", "⟨LRI⟩a⟨RLI⟩b⟨FSI⟩c⟨PDI⟩"),
        ("x\u{200B}y\u{200E}z\u{200F}\u{FEFF}", "x⟨ZWSP⟩y⟨LRM⟩z⟨RLM⟩⟨BOM⟩"),
        ("a\u{2028}b\u{2060}c\u{2062}", "a⟨LS⟩b⟨WJ⟩c⟨U+2062⟩"),
    ])
    func escapeFamiliesBecomeVisible(input: String, expected: String) {
        #expect(Sanitizer.sanitize(input) == expected)
        #expect(Sanitizer.needsSanitizing(input))
        #expect(Sanitizer.sanitize(expected) == expected)
        #expect(!Sanitizer.needsSanitizing(expected))
    }

    @Test func emojiJoinersAndCombiningMarksAreKept() {
        let text = "👨‍👩‍👧 e\u{301} ❤️ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 \u{FEFF}"
        let kept = "👨‍👩‍👧 e\u{301} ❤️ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 "
        #expect(Sanitizer.sanitize(kept) == kept)
        #expect(Sanitizer.sanitize(text) == kept + "⟨BOM⟩")
    }

    @Test(arguments: [
        ("\tx", "    x"),
        ("a\tb", "a   b"),
        ("abcd\te", "abcd    e"),
        ("中\tx", "中  x"),
        ("ab\n\tc\td", "ab\n    c   d"),
        ("\u{7}\tz", "␇   z"),
    ])
    func tabsExpandToTheNextStopOfTheirLine(input: String, expected: String) {
        #expect(Sanitizer.sanitize(input) == expected)
    }

    @Test func sanitisingIsIdempotentOnMixedText() {
        let samples = [
            "推理\u{1B}[1m粗体\u{1B}[0m\t🤔\n\u{202E}gnp.exe\u{7}",
            "\u{9B}\u{9D}\u{1B}\u{1B}[\u{1B}]",
            "tab\tafter\u{200B}zero\r\n",
        ]
        for sample in samples {
            let once = Sanitizer.sanitize(sample)
            #expect(Sanitizer.sanitize(once) == once)
            #expect(!once.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
    }

    @Test func unterminatedStringSequenceStopsAtNewline() {
        #expect(Sanitizer.sanitize("\u{1B}]52;c;abc\nnext") == "␛]52;c;abc\nnext")
    }

    @Test func spansMarkNeutralisedRuns() {
        let style = TextStyle(.plain, dim: true)
        let spans = Sanitizer.spans("ok \u{1B}[31mred\u{7}"[...], style: style)
        var marked = style
        marked.sanitized = true
        #expect(
            spans == [
                StyledSpan("ok ", style), StyledSpan("␛[31m", marked), StyledSpan("red", style),
                StyledSpan("␇", marked),
            ])
    }

    @Test func singleLineSanitisingFlattensNewlines() {
        #expect(Sanitizer.sanitizeLine("Title\nwith\u{1B}[2Jbreaks") == "Title with␛[2Jbreaks")
    }

    @Test func escapeSequenceSplitAcrossDeltasRendersOnceWhole() {
        let stream = StreamingMarkdown()
        for delta in ["before \u{1B}", "[3", "1mred\u{1B}]52;c;", "eA==\u{7} after"] { stream.append(delta) }
        stream.finish()
        let lines = stream.allLines(width: 80)
        #expect(lines.map(\.text) == ["before ␛[31mred␛]52;c;eA==␇ after"])
        let marked = lines[0].spans.filter(\.style.sanitized).map(\.text)
        #expect(marked == ["␛[31m", "␛]52;c;eA==␇"])
    }
}
