import Foundation
import PonderCore

/// Trace outline figures on an R1-style trace of 100,000 tokens (paragraphs of reflection,
/// checks and detours, some Chinese, code blocks and formulas): the outline built from the
/// whole text, the cost of each streamed delta of 1–4 tokens, and what a frame of an outline
/// view asks of it (the step at an offset, the header, first words of a screen of steps, the
/// points within each slice of a map strip).
enum TraceBench {
    static let tokenCount = 100_000
    static let screenLines = 48
    static let width = 100

    static func run() {
        print("trace:")
        let tokens = traceTokens(count: tokenCount)
        let text = tokens.joined()
        let bytes = Array(text.utf8)
        print("  trace: \(tokens.count) tokens, \(bytes.count / 1024) KB")

        var outline = TraceOutline(text: text)
        var builds: [Double] = []
        for _ in 0..<7 {
            builds.append(
                BenchStatistics.milliseconds(ContinuousClock().measure { outline = TraceOutline(text: text) }))
        }
        print(
            "  outline built from the whole text: median \(format(BenchStatistics.percentile(builds, 0.5))) ms, "
                + "best \(format(builds.min()!)) ms (target under 20 ms); \(outline.stepCount) steps, "
                + "\(outline.pointCount) reflection points, ~\(outline.estimatedTokens) estimated tokens")

        let deltas = deltas(of: tokens)
        var streamed = TraceOutline()
        var times: [Double] = []
        times.reserveCapacity(deltas.count)
        let clock = ContinuousClock()
        for delta in deltas {
            let start = clock.now
            streamed.append(utf8: delta)
            times.append(BenchStatistics.milliseconds(clock.now - start))
        }
        streamed.finish()
        let mean = times.reduce(0, +) / Double(times.count)
        let tenth = times.count / 10
        let early = times.prefix(tenth).reduce(0, +) / Double(tenth)
        let late = times.suffix(tenth).reduce(0, +) / Double(tenth)
        print(
            "  streamed in \(deltas.count) deltas of 1–4 tokens: mean \(format(mean)) ms per delta (target under 0.1 ms), "
                + "p99 \(format(BenchStatistics.percentile(times, 0.99))) ms, max \(format(times.max()!)) ms; "
                + "first tenth \(format(early)) ms, last tenth \(format(late)) ms")
        print("  streamed outline equals the whole-text outline: \(streamed.steps == outline.steps)")

        var frames: [Double] = []
        for place in stride(from: 0, to: bytes.count, by: bytes.count / 50) {
            frames.append(BenchStatistics.milliseconds(clock.measure { outlineFrame(outline, at: place) }))
        }
        print(
            "  outline frame (step at an offset, header, \(screenLines) lines of first words, map ticks): "
                + "median \(format(BenchStatistics.percentile(frames, 0.5))) ms, max \(format(frames.max()!)) ms")
    }

    /// What an outline view and a map strip ask for one frame with `offset` at the top.
    static func outlineFrame(_ outline: TraceOutline, at offset: Int) {
        var sink = 0
        let first = outline.stepIndex(containing: offset) ?? 0
        sink += outline.position(at: offset).step
        for index in first..<min(first + screenLines, outline.stepCount) {
            sink += outline.firstWords(ofStep: index, width: width - 12).utf8.count
            sink += outline.tokens(ofStep: index, reportedTotal: tokenCount)
        }
        let slice = max(1, outline.byteCount / screenLines)
        for row in 0..<screenLines {
            sink += outline.pointIndices(startingIn: (row * slice)..<((row + 1) * slice)).count
        }
        if sink == -1 { print(sink) }
    }

    /// Deltas of 1–4 tokens, as providers stream them.
    static func deltas(of tokens: [String]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var random = SeededRandom(seed: 99)
        var index = 0
        while index < tokens.count {
            let count = 1 + random.next(4)
            result.append(Array(tokens[index..<min(index + count, tokens.count)].joined().utf8))
            index += count
        }
        return result
    }

    /// An R1-style trace cut into tokens (a word with its space, a CJK pair, a code piece).
    static func traceTokens(count: Int) -> [String] {
        let openers = [
            "Wait,", "Hmm,", "Let me check", "Alternatively,", "So the answer is", "But wait,", "Let me verify",
            "No, wait,", "Therefore,", "Actually,",
        ]
        let plain = ["The value", "Then we", "Next, the", "This means", "Now the", "If we", "Each term", "The sum"]
        let words = [
            "of", "x", "is", "the", "sum", "we", "get", "so", "that", "term", "equals", "two", "when", "divided", "by",
            "three", "and", "carry", "over", "remainder", "`f(x)`", "$n^2$", "\\(a+b\\)", "gives", "again", "count",
        ]
        let chinese = ["等等，", "所以", "我们", "需要", "检查", "这个", "结果", "是否", "正确", "不对，", "换个思路，", "余数", "。"]
        var tokens: [String] = []
        tokens.reserveCapacity(count + 200)
        var random = SeededRandom(seed: 2_024)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var paragraph = 0
        while tokens.count < count {
            paragraph += 1
            if paragraph % 17 == 0 {
                tokens += ["```", "python\n", "def", " f", "(x", "):\n", "    #", " wait", ",", " check", "\n"]
                tokens += ["    return", " x", " *", " 2", "\n", "```", "\n\n"]
                continue
            }
            if paragraph % 7 == 0 {
                for _ in 0..<(30 + next(60)) { tokens.append(chinese[next(chinese.count)]) }
                tokens.append("。\n\n")
                continue
            }
            for sentence in 0..<(2 + next(6)) {
                let opener = next(10) < 4 ? openers[next(openers.count)] : plain[next(plain.count)]
                tokens += opener.split(separator: " ").enumerated().map {
                    ($0.offset == 0 && sentence == 0 ? "" : " ") + $0.element
                }
                for _ in 0..<(6 + next(20)) { tokens.append(" " + words[next(words.count)]) }
                tokens.append(".")
            }
            tokens.append("\n\n")
        }
        return Array(tokens.prefix(count))
    }

    private static func format(_ milliseconds: Double) -> String {
        milliseconds >= 1 ? String(format: "%.1f", milliseconds) : String(format: "%.4f", milliseconds)
    }
}
