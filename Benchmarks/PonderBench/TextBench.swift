import PonderCore

/// Text layer figures: streaming a 100k-token reasoning trace token by token, the screen at the
/// end of it (follow mode) at a new width, a full line count, a screen in the middle, mapping a
/// search hit to its line, and rendering a long markdown answer.
enum TextBench {
    static let screenLines = 48
    static let screenWidth = 100

    static func run() {
        print("text:")
        let tokens = traceTokens(count: 100_000)
        let bytes = tokens.reduce(0) { $0 + $1.utf8.count }
        print("  trace: \(tokens.count) tokens, \(bytes / 1024) KB")

        for mode in [StreamingMarkdown.Mode.markdown, .plainText] {
            let name = mode == .markdown ? "markdown" : "plain-text"
            let stream = StreamingMarkdown(mode: mode, dim: true)
            let append = measure { for token in tokens { stream.append(token) } }
            print("  \(name) append, token by token: \(format(append)) total, \(perToken(append, tokens.count))/token")

            let framed = StreamingMarkdown(mode: mode, dim: true)
            let withFrames = measure {
                for (index, token) in tokens.enumerated() {
                    framed.append(token)
                    if index % 10 == 9 { _ = lastScreen(framed) }
                }
            }
            print(
                "  \(name) append + last screen every 10 tokens: \(format(withFrames)) total, "
                    + "\(perToken(withFrames, tokens.count))/token")

            let cold = measure { _ = stream.lastLines(screenLines, width: screenWidth) }
            let warmEnd = measure { _ = stream.lastLines(screenLines, width: screenWidth) }
            var total = 0
            let count = measure { total = stream.lineCount(width: screenWidth + 1) }
            let middle = total / 2
            let coldMiddle = measure { _ = stream.lines(in: middle..<(middle + screenLines), width: screenWidth + 1) }
            let warmMiddle = measure { _ = stream.lines(in: middle..<(middle + screenLines), width: screenWidth + 1) }
            let hit = stream.text.utf8.count * 3 / 4
            let searchHit = measure { _ = stream.lineIndex(forUTF8Offset: hit, width: screenWidth + 2) }
            let all = measure { _ = stream.allLines(width: screenWidth + 3) }
            print(
                "  \(name) screen \(screenLines)x\(screenWidth) at the end: first at new width \(format(cold)), "
                    + "then \(format(warmEnd)) (\(stream.frozenBlockCount) blocks)")
            print(
                "  \(name) at another new width: line count \(format(count)) (\(total) lines), "
                    + "middle screen \(format(coldMiddle)) then \(format(warmMiddle)); "
                    + "search hit to line at a new width \(format(searchHit)); all lines \(format(all))")
        }

        let answer = longAnswer()
        var lineCount = 0
        let render = measure { lineCount = MarkdownRenderer.render(answer, width: 80).count }
        print("  markdown answer render at 80 columns: \(lineCount) lines in \(format(render))")
    }

    private static func lastScreen(_ stream: StreamingMarkdown) -> [StyledLine] {
        stream.lastLines(screenLines, width: screenWidth)
    }

    /// A reasoning-like trace: paragraphs of 40–120 word tokens (a few CJK), some lists and code.
    static func traceTokens(count: Int) -> [String] {
        let words = [
            "the", "model", "should", "consider", "whether", "answer", "is", "correct", "so", "let", "me",
            "check", "again", "carefully", "because", "value", "of", "x", "equals", "two", "then", "推理", "问题",
            "wait", "actually", "hmm", "first", "step", "compute", "result", "**note**", "`f(x)`",
        ]
        var tokens: [String] = []
        tokens.reserveCapacity(count)
        var random = SeededRandom(seed: 12_345)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var paragraph = 0
        while tokens.count < count {
            paragraph += 1
            if paragraph % 25 == 0 {
                tokens += [
                    "```", "python", "\n", "def", " f", "(x", "):\n", "    return", " x", " *", " 2", "\n", "```",
                    "\n\n",
                ]
                continue
            }
            let listItem = paragraph % 9 == 0
            for index in 0..<(40 + next(80)) {
                if listItem && index % 15 == 0 { tokens.append(index == 0 ? "- " : "\n- ") }
                tokens.append((index == 0 ? "" : " ") + words[next(words.count)])
            }
            tokens.append(".\n\n")
        }
        return Array(tokens.prefix(count))
    }

    /// A long markdown answer: sections (heading, paragraph, lists, code, table, quote) added
    /// until it renders to at least 2,000 lines at 80 columns.
    static func longAnswer() -> String {
        var text = ""
        var section = 0
        var lines = 0
        while lines < 2_000 {
            var part = "## Section \(section): 设计 and trade-offs\n\n"
            part +=
                "This part explains **why** the *approach* works, with `inline code`, a [link](https://example.com/\(section)) "
            part += "and enough words to wrap across several lines at eighty columns, 中文内容也会换行显示。\n\n"
            part += "- first point about the design\n- second point\n  - nested detail\n- [x] checked item\n\n"
            part +=
                "```swift\nfunc section\(section)() -> Int {\n    let value = \(section) * 2\n    return value\n}\n```\n\n"
            part +=
                "| Name | Count | Note |\n|------|------:|------|\n| alpha | \(section) | short |\n| 表格 | 42 | wide cell text |\n\n"
            part += "> A quote that says something memorable about section \(section).\n\n"
            lines += MarkdownRenderer.render(part, width: 80).count + 1
            text += part
            section += 1
        }
        return text
    }

    private static func measure(_ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        return clock.measure(body)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func format(_ duration: Duration) -> String {
        let value = seconds(duration)
        if value >= 1 { return "\((value * 100).rounded() / 100) s" }
        if value >= 0.001 { return "\((value * 10_000).rounded() / 10) ms" }
        return "\((value * 10_000_000).rounded() / 10) µs"
    }

    private static func perToken(_ duration: Duration, _ count: Int) -> String {
        "\((seconds(duration) / Double(count) * 1e7).rounded() / 10) µs"
    }
}
