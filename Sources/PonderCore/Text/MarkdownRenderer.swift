import CCmark

/// Renders markdown (CommonMark plus GFM tables, strikethrough, autolinks and task lists, parsed
/// by cmark-gfm) to styled lines at a width: headings, emphasis, inline code, framed code blocks,
/// nested and task lists, block quotes, tables, links, rules and breaks. All text from the source
/// is sanitised; `dim` renders everything dimmer (reasoning).
///
/// Documents are split into top-level blocks the way `StreamingMarkdown` splits a stream (see
/// `MarkdownBlockScanner`) and each block is rendered on its own, separated by one blank line, so
/// a one-shot render and a streamed render of the same text are identical.
public struct MarkdownRenderer: Sendable {
    public var width: Int
    public var dim: Bool

    public init(width: Int, dim: Bool = false) {
        self.width = max(1, width)
        self.dim = dim
    }

    /// Renders a whole document.
    public static func render(_ markdown: String, width: Int, dim: Bool = false) -> [StyledLine] {
        let renderer = MarkdownRenderer(width: width, dim: dim)
        let source = Array(markdown.utf8)
        var lines: [StyledLine] = []
        var codeBlocks = 0
        for (index, range) in MarkdownBlockScanner.blocks(of: source).enumerated() {
            let block = renderer.renderBlock(String(decoding: source[range], as: UTF8.self), firstCodeBlock: codeBlocks)
            if index > 0 && !block.lines.isEmpty { lines.append(.empty) }
            lines += block.lines
            codeBlocks += block.codeBlocks
        }
        return lines
    }

    /// Renders one chunk of markdown as a document of its own. Code blocks are numbered from
    /// `firstCodeBlock`; returns the lines and how many code blocks the chunk holds.
    public func renderBlock(_ markdown: String, firstCodeBlock: Int = 0) -> (lines: [StyledLine], codeBlocks: Int) {
        CmarkParser.withDocument(markdown) { document in
            var state = RenderState(nextCodeBlock: firstCodeBlock)
            let lines = blocks(in: document, width: width, context: BlockContext(), state: &state)
            return (lines, state.nextCodeBlock - firstCodeBlock)
        }
    }

    /// Mutable state threaded through one render.
    struct RenderState {
        var nextCodeBlock: Int
    }

    /// Where a block sits: inside quotes, inside lists (for bullets), in a tight list item.
    struct BlockContext {
        var quoted = false
        var listDepth = 0
        var tight = false
    }

    /// The style of ordinary text in this renderer.
    func style(_ role: TextRole) -> TextStyle {
        TextStyle(role, dim: dim)
    }

    /// Renders the block children of `parent`, separated by blank lines unless `context.tight`.
    func blocks(in parent: OpaquePointer, width: Int, context: BlockContext, state: inout RenderState) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, child) in CmarkParser.children(of: parent).enumerated() {
            let rendered = block(child, width: width, context: context, state: &state)
            if index > 0 && !context.tight && !rendered.isEmpty { lines.append(.empty) }
            lines += rendered
        }
        return lines
    }

    func block(_ node: OpaquePointer, width: Int, context: BlockContext, state: inout RenderState) -> [StyledLine] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            let base: TextRole = context.quoted ? .quote : .plain
            return LineWrapper.wrap(inlines(of: node, context: InlineContext(base: base)), width: width)
        case CMARK_NODE_HEADING:
            return heading(node, width: width)
        case CMARK_NODE_CODE_BLOCK:
            return codeBlock(node, width: width, state: &state)
        case CMARK_NODE_HTML_BLOCK:
            var source = CmarkParser.literal(node)
            while source.last == "\n" { source.removeLast() }
            return PlainText.lines(source, width: width, style: style(.html))
        case CMARK_NODE_THEMATIC_BREAK:
            return [StyledLine([StyledSpan(String(repeating: "─", count: width), style(.rule))])]
        case CMARK_NODE_BLOCK_QUOTE:
            var inner = context
            inner.quoted = true
            inner.tight = false
            let bar = [StyledSpan("│ ", style(.quote))]
            let lines = blocks(in: node, width: max(1, width - 2), context: inner, state: &state)
            return Self.prefixed(lines, first: bar, rest: bar)
        case CMARK_NODE_LIST:
            return list(node, width: width, context: context, state: &state)
        default:
            if CmarkParser.typeName(node) == "table" { return table(node, width: width) }
            return blocks(in: node, width: width, context: context, state: &state)
        }
    }

    func heading(_ node: OpaquePointer, width: Int) -> [StyledLine] {
        let level = Int(cmark_node_get_heading_level(node))
        let role = TextRole.heading(level)
        var lines = LineWrapper.wrap(inlines(of: node, context: InlineContext(base: role)), width: width)
        if level <= 2 {
            let underline = min(width, lines.map(\.displayWidth).max() ?? 0)
            let mark = level == 1 ? "═" : "─"
            lines.append(StyledLine([StyledSpan(String(repeating: mark, count: max(1, underline)), style(role))]))
        }
        return lines
    }

    /// Puts `first` before the first line and `rest` before the others, keeping code block
    /// metadata; blank lines lose the prefix's trailing spaces.
    static func prefixed(_ lines: [StyledLine], first: [StyledSpan], rest: [StyledSpan]) -> [StyledLine] {
        var result: [StyledLine] = []
        result.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            var prefixed = StyledLine(codeBlock: line.codeBlock)
            for span in index == 0 ? first : rest { prefixed.append(span) }
            for span in line.spans { prefixed.append(span) }
            if line.spans.isEmpty { prefixed.trimTrailingSpaces() }
            result.append(prefixed)
        }
        return result
    }
}
