import PonderCore

/// Text layer figures: streaming a 100k-token reasoning trace token by token, fetching one
/// screen of lines from it, and rendering a long markdown answer.
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

            let cold = measure { _ = lastScreen(stream) }
            let warmEnd = measure { _ = lastScreen(stream) }
            let middle = stream.lineCount(width: screenWidth) / 2
            let warmMiddle = measure { _ = stream.lines(in: middle..<(middle + screenLines), width: screenWidth) }
            print(
                "  \(name) screen \(screenLines)x\(screenWidth): first at new width \(format(cold)) "
                    + "(renders all \(stream.frozenBlockCount) blocks), then end \(format(warmEnd)), "
                    + "middle \(format(warmMiddle)); \(stream.lineCount(width: screenWidth)) lines")
        }

        let answer = longAnswer()
        var lineCount = 0
        let render = measure { lineCount = MarkdownRenderer.render(answer, width: 80).count }
        print("  markdown answer render at 80 columns: \(lineCount) lines in \(format(render))")
    }

    private static func lastScreen(_ stream: StreamingMarkdown) -> [StyledLine] {
        let count = stream.lineCount(width: screenWidth)
        return stream.lines(in: max(0, count - screenLines)..<count, width: screenWidth)
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
        var seed: UInt64 = 12_345
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
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

    /// About 2,000 lines of markdown answer at 80 columns.
    static func longAnswer() -> String {
        var text = ""
        for section in 0..<55 {
            text += "## Section \(section): 设计 and trade-offs\n\n"
            text +=
                "This part explains **why** the *approach* works, with `inline code`, a [link](https://example.com/\(section)) "
            text += "and enough words to wrap across several lines at eighty columns, 中文内容也会换行显示。\n\n"
            text += "- first point about the design\n- second point\n  - nested detail\n- [x] checked item\n\n"
            text +=
                "```swift\nfunc section\(section)() -> Int {\n    let value = \(section) * 2\n    return value\n}\n```\n\n"
            text +=
                "| Name | Count | Note |\n|------|------:|------|\n| alpha | \(section) | short |\n| 表格 | 42 | wide cell text |\n\n"
            text += "> A quote that says something memorable about section \(section).\n\n"
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
