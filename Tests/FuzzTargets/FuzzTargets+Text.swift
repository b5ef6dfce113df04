import PonderCore

/// Text that reaches the screen: sanitising, widths and wrapping, streaming markdown.
extension FuzzTargets {
    static let sanitizer = FuzzTarget(
        name: "sanitizer",
        seeds: ["\u{1B}[31mx\u{1B}]52;c;AA==\u{07}", "a\tb\r\nc", "\u{202E}abc", "e\u{0301}\u{0301}"],
        dictionary: [
            "\u{1B}[", "\u{1B}]", "\u{1B}P", "\u{07}", "\u{1B}\\", "\u{9B}", "\u{9C}", "\t", "\u{0301}", "\u{200D}",
        ]
    ) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let clean = Sanitizer.sanitize(text)
        FuzzTarget.check(Sanitizer.sanitize(clean) == clean, "sanitising is not idempotent")
        FuzzTarget.check(!Sanitizer.needsSanitizing(clean), "sanitised text still needs sanitising")
        for scalar in clean.unicodeScalars where scalar.value != 0x0A {
            FuzzTarget.check(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "a control survived")
        }
        let copied = Sanitizer.sanitizeForClipboard(text)
        FuzzTarget.check(
            copied.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0.value == 0x0A || $0.value == 0x09 },
            "a control reached the clipboard text")
    }

    static let wrapping = FuzzTarget(
        name: "width-and-wrapping", seeds: ["hello world", "日本語のテキスト", "👨‍👩‍👧 flags 🇫🇷🇩🇪", "a\u{0301}bc", "\tx"],
        dictionary: [" ", "\n", "-", "日", "👍🏽", "\u{200D}", "\u{FE0F}", "https://example.com/a/b"]
    ) { bytes in
        var input = FuzzInput(bytes)
        let width = input.number(in: 1...100)
        let characters = input.number(in: 0...1) == 1
        let text = Sanitizer.sanitize(String(decoding: input.rest, as: UTF8.self))
        let lines = LineWrapper.wrap(text, width: width, mode: characters ? .characters : .words)
        for line in lines {
            let used = line.spans.reduce(0) { $0 + $1.displayWidth }
            // A single cluster wider than the whole width may stand alone on its line.
            FuzzTarget.check(used <= max(width, 2), "a line of width \(used) at width \(width)")
        }
        FuzzTarget.check(
            LineWrapper.lineCount([StyledSpan(text, .plain)], width: width, mode: characters ? .characters : .words)
                == lines.count, "lineCount disagrees with wrap")
        FuzzTarget.check(DisplayWidth.of(text) >= 0, "negative width")
    }

    static let streamingMarkdown = FuzzTarget(
        name: "streaming-markdown",
        seeds: [
            "# Title\n\nSome **bold** and `code`.\n\n```swift\nlet x = 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item\n  1. sub",
            "> quote\n> more\n\n---\n\n[link](http://x) ~~strike~~", "```\nunclosed", "|a|\n|-|\n",
        ],
        dictionary: ["\n\n", "```", "# ", "- ", "1. ", "> ", "|", "|---|", "**", "`", "\n", "    ", "<b>", "[x](y)"]
    ) { bytes in
        var input = FuzzInput(bytes)
        let seed = input.number(in: 0...255)
        let maximum = input.number(in: 1...64)
        let width = input.number(in: 1...120)
        let data = input.rest
        let markdown = StreamingMarkdown(mode: seed & 1 == 0 ? .markdown : .plainText)
        for piece in FuzzInput.pieces(of: data, seed: seed, maximum: maximum) {
            markdown.append(utf8: piece)
            _ = markdown.lastLines(3, width: width)
        }
        markdown.finish()
        let lines = markdown.allLines(width: width)
        FuzzTarget.check(markdown.lineCount(width: width) == lines.count, "lineCount disagrees with the lines")
        for line in lines {
            for span in line.spans {
                FuzzTarget.check(!Sanitizer.needsSanitizing(span.text), "a rendered line needs sanitising")
            }
        }
    }
}
