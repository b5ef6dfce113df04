import PonderCore
import Testing

/// Markdown rendered to plain-text grids at 40 and 80 columns, one construct at a time.
@Suite struct MarkdownRendererTests {
    private func render(_ markdown: String, _ width: Int) -> [String] {
        let lines = MarkdownRenderer.render(markdown, width: width)
        for line in lines { #expect(line.displayWidth <= width, "\(line.text) overflows \(width)") }
        return lines.map(\.text)
    }

    static let headingsSource =
        "# 标题 Heading 🚀 with a rather long title that wraps around\n\n## 第二 Second\n\n### Third 三\n"

    @Test func headingsAtWidth40() {
        #expect(
            render(Self.headingsSource, 40) == [
                "标题 Heading 🚀 with a rather long title",
                "that wraps around",
                "════════════════════════════════════════",
                "",
                "第二 Second",
                "───────────",
                "",
                "Third 三",
            ])
    }

    @Test func headingsAtWidth80() {
        #expect(
            render(Self.headingsSource, 80) == [
                "标题 Heading 🚀 with a rather long title that wraps around",
                "══════════════════════════════════════════════════════════",
                "",
                "第二 Second",
                "───────────",
                "",
                "Third 三",
            ])
    }

    static let inlineStylesSource =
        "Some **粗体 bold** and *斜体* with `代码 code` and ~~删除~~ plus ***both*** 🎉 in a sentence that is long enough to wrap twice at forty.\nSoft break here  \nhard break 后.\n"

    @Test func inlineStylesAtWidth40() {
        #expect(
            render(Self.inlineStylesSource, 40) == [
                "Some 粗体 bold and 斜体 with 代码 code",
                "and 删除 plus both 🎉 in a sentence that",
                "is long enough to wrap twice at forty.",
                "Soft break here",
                "hard break 后.",
            ])
    }

    @Test func inlineStylesAtWidth80() {
        #expect(
            render(Self.inlineStylesSource, 80) == [
                "Some 粗体 bold and 斜体 with 代码 code and 删除 plus both 🎉 in a sentence that",
                "is long enough to wrap twice at forty. Soft break here",
                "hard break 后.",
            ])
    }

    static let codeBlocksSource =
        "```python\ndef 函数():\n    return \"emoji 😀 and a very long line of code that must wrap inside the frame at forty\"\n```\n\n```\nno language\n```\n"

    @Test func codeBlocksAtWidth40() {
        #expect(
            render(Self.codeBlocksSource, 40) == [
                "╭─ python ─────────────────────────────╮",
                "│ def 函数():                          │",
                "│     return \"emoji 😀 and a very long │",
                "│  line of code that must wrap inside  │",
                "│ the frame at forty\"                  │",
                "╰──────────────────────────────────────╯",
                "",
                "╭─────────────╮",
                "│ no language │",
                "╰─────────────╯",
            ])
    }

    @Test func codeBlocksAtWidth80() {
        #expect(
            render(Self.codeBlocksSource, 80) == [
                "╭─ python ─────────────────────────────────────────────────────────────────────╮",
                "│ def 函数():                                                                  │",
                "│     return \"emoji 😀 and a very long line of code that must wrap inside the  │",
                "│ frame at forty\"                                                              │",
                "╰──────────────────────────────────────────────────────────────────────────────╯",
                "",
                "╭─────────────╮",
                "│ no language │",
                "╰─────────────╯",
            ])
    }

    static let listsSource =
        "- 第一项 first item with enough text to wrap past the forty column edge\n- 第二 🍎\n  1. nested ordered 一\n  2. nested two\n     - deep ◆ bullet\n- [ ] 待办 todo\n- [x] 完成 done\n"

    @Test func listsAtWidth40() {
        #expect(
            render(Self.listsSource, 40) == [
                "• 第一项 first item with enough text to",
                "  wrap past the forty column edge",
                "• 第二 🍎",
                "  1. nested ordered 一",
                "  2. nested two",
                "     ▪ deep ◆ bullet",
                "☐ 待办 todo",
                "☑ 完成 done",
            ])
    }

    @Test func listsAtWidth80() {
        #expect(
            render(Self.listsSource, 80) == [
                "• 第一项 first item with enough text to wrap past the forty column edge",
                "• 第二 🍎",
                "  1. nested ordered 一",
                "  2. nested two",
                "     ▪ deep ◆ bullet",
                "☐ 待办 todo",
                "☑ 完成 done",
            ])
    }

    static let quotesSource =
        "> 引用 quote with **strong** text and 🙂 emoji that keeps going past forty columns\n>\n> > nested 嵌套\n"

    @Test func quotesAtWidth40() {
        #expect(
            render(Self.quotesSource, 40) == [
                "│ 引用 quote with strong text and 🙂",
                "│ emoji that keeps going past forty",
                "│ columns",
                "│",
                "│ │ nested 嵌套",
            ])
    }

    @Test func quotesAtWidth80() {
        #expect(
            render(Self.quotesSource, 80) == [
                "│ 引用 quote with strong text and 🙂 emoji that keeps going past forty columns",
                "│",
                "│ │ nested 嵌套",
            ])
    }

    static let linksAndRulesSource =
        "See [文档 docs](https://example.com/docs) and <https://example.com> or www.rust-lang.org 🦀.\n\n---\n\nafter rule\n"

    @Test func linksAndRulesAtWidth40() {
        #expect(
            render(Self.linksAndRulesSource, 40) == [
                "See 文档 docs (https://example.com/docs)",
                "and https://example.com or",
                "www.rust-lang.org 🦀.",
                "",
                "────────────────────────────────────────",
                "",
                "after rule",
            ])
    }

    @Test func linksAndRulesAtWidth80() {
        #expect(
            render(Self.linksAndRulesSource, 80) == [
                "See 文档 docs (https://example.com/docs) and https://example.com or",
                "www.rust-lang.org 🦀.",
                "",
                "────────────────────────────────────────────────────────────────────────────────",
                "",
                "after rule",
            ])
    }

    static let tablesSource =
        "| 语言 Language | 描述 Description | Stars ⭐ |\n|:---:|:---|---:|\n| Swift 🐦 | 安全、快速 and expressive systems language | 67k |\n| Rust | memory safety without GC | 100k |\n"

    @Test func tablesAtWidth40() {
        #expect(
            render(Self.tablesSource, 40) == [
                "┌─────────────┬─────────────┬──────────┐",
                "│    语言     │ 描述        │ Stars ⭐ │",
                "│  Language   │ Description │          │",
                "├─────────────┼─────────────┼──────────┤",
                "│  Swift 🐦   │ 安全、快速  │      67k │",
                "│             │ and         │          │",
                "│             │ expressive  │          │",
                "│             │ systems     │          │",
                "│             │ language    │          │",
                "│    Rust     │ memory      │     100k │",
                "│             │ safety      │          │",
                "│             │ without GC  │          │",
                "└─────────────┴─────────────┴──────────┘",
            ])
    }

    @Test func tablesAtWidth80() {
        #expect(
            render(Self.tablesSource, 80) == [
                "┌───────────────┬────────────────────────────────────────────┬──────────┐",
                "│ 语言 Language │ 描述 Description                           │ Stars ⭐ │",
                "├───────────────┼────────────────────────────────────────────┼──────────┤",
                "│   Swift 🐦    │ 安全、快速 and expressive systems language │      67k │",
                "│     Rust      │ memory safety without GC                   │     100k │",
                "└───────────────┴────────────────────────────────────────────┴──────────┘",
            ])
    }
}

/// Styles and metadata of rendered markdown.
@Suite struct MarkdownStyleTests {
    private func spans(_ markdown: String, width: Int = 80, dim: Bool = false) -> [StyledSpan] {
        MarkdownRenderer.render(markdown, width: width, dim: dim).flatMap(\.spans)
    }

    private func role(of text: String, in spans: [StyledSpan]) -> TextRole? {
        spans.first { $0.text.contains(text) }?.style.role
    }

    @Test func inlineRoles() {
        let rendered = spans("**粗** *斜* ***两*** `码` ~~删~~ [链](https://x.org) plain")
        #expect(role(of: "粗", in: rendered) == .strong)
        #expect(role(of: "斜", in: rendered) == .emphasis)
        #expect(role(of: "两", in: rendered) == .strongEmphasis)
        #expect(role(of: "码", in: rendered) == .inlineCode)
        #expect(role(of: "删", in: rendered) == .strikethrough)
        #expect(role(of: "链", in: rendered) == .link)
        #expect(rendered.first { $0.text.contains("https://x.org") }?.style.dim == true)
        #expect(role(of: "plain", in: rendered) == .plain)
    }

    @Test func blockRoles() {
        let rendered = spans("## 标题\n\n> 引用\n\n- 项\n\n---\n\n| h |\n|---|\n| c |\n\n```go\nx\n```\n")
        #expect(role(of: "标题", in: rendered) == .heading(2))
        #expect(role(of: "引用", in: rendered) == .quote)
        #expect(role(of: "•", in: rendered) == .listMarker)
        #expect(role(of: String(repeating: "─", count: 10), in: rendered) == .rule)
        #expect(role(of: "┌", in: rendered) == .tableBorder)
        #expect(role(of: "h", in: rendered) == .tableHeader)
        #expect(role(of: "go", in: rendered) == .codeLanguage)
        #expect(role(of: "╭", in: rendered) == .codeFrame)
        #expect(role(of: "x", in: rendered) == .codeBlock)
    }

    @Test func codeBlocksAreNumberedInDocumentOrder() {
        let lines = MarkdownRenderer.render("```\na\n```\n\ntext\n\n- item\n\n  ```\n  b\n  ```\n", width: 40)
        #expect(lines.filter { $0.codeBlock == 0 }.map(\.text) == ["╭───╮", "│ a │", "╰───╯"])
        #expect(lines.filter { $0.codeBlock == 1 }.map(\.text) == ["  ╭───╮", "  │ b │", "  ╰───╯"])
        #expect(lines.first { $0.text == "text" }?.codeBlock == nil)
    }

    @Test func dimRendersEverythingDimmer() {
        let rendered = spans("# H\n\ntext **b** `c`\n\n```\nx\n```\n", dim: true)
        #expect(!rendered.isEmpty)
        #expect(rendered.allSatisfy { $0.style.dim })
    }

    @Test func escapeSequencesInMarkdownAreNeutralisedAndMarked() {
        let lines = MarkdownRenderer.render(
            "Title \u{1B}]52;c;ZXZpbA==\u{7} **b\u{1B}[1m**\n\n```\n\u{1B}[2J\tx\n```\n", width: 40)
        #expect(
            lines.map(\.text) == [
                "Title ␛]52;c;ZXZpbA==␇ b␛[1m", "", "╭───────────╮", "│ ␛[2J    x │", "╰───────────╯",
            ])
        let marked = lines.flatMap(\.spans).filter(\.style.sanitized).map(\.text)
        #expect(marked == ["␛]52;c;ZXZpbA==␇", "␛[1m", "␛[2J"])
        #expect(!lines.flatMap(\.spans).contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func narrowWidthsStillFit() {
        let source = StreamingMarkdownTests.document
        for width in [5, 8, 12, 20] {
            for line in MarkdownRenderer.render(source, width: width) {
                #expect(line.displayWidth <= width, "\(line.text) at \(width)")
            }
        }
        // Below the width of nested markers lines may overflow, but rendering still terminates.
        #expect(MarkdownRenderer.render(source, width: 1).count > 50)
    }
}
