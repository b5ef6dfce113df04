import CCmark

extension MarkdownRenderer {
    /// Inline formatting in effect while walking inline nodes.
    struct InlineContext {
        var base: TextRole
        var strong = false
        var emphasis = false
        var strikethrough = false
        var link = false

        /// The role of text under this context: headings, links and table headers keep their
        /// role; otherwise strikethrough, then strong/emphasis, decide.
        var role: TextRole {
            if link { return .link }
            if case .heading = base { return base }
            if strikethrough { return .strikethrough }
            if strong && emphasis { return .strongEmphasis }
            if strong { return .strong }
            if emphasis { return .emphasis }
            return base
        }
    }

    /// Styled spans of the inline children of `node`. Soft breaks become spaces, hard breaks
    /// newlines (the wrapper breaks there).
    func inlines(of node: OpaquePointer, context: InlineContext) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        appendInlines(of: node, context: context, to: &spans)
        return spans
    }

    private func appendInlines(of node: OpaquePointer, context: InlineContext, to spans: inout [StyledSpan]) {
        for child in CmarkParser.children(of: node) {
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT:
                spans += Sanitizer.spans(CmarkParser.literal(child)[...], style: style(context.role))
            case CMARK_NODE_SOFTBREAK:
                spans.append(StyledSpan(" ", style(context.role)))
            case CMARK_NODE_LINEBREAK:
                spans.append(StyledSpan("\n", style(context.role)))
            case CMARK_NODE_CODE:
                spans += Sanitizer.spans(
                    CmarkParser.literal(child)[...], style: style(context.link ? .link : .inlineCode))
            case CMARK_NODE_HTML_INLINE:
                spans += Sanitizer.spans(CmarkParser.literal(child)[...], style: style(.html))
            case CMARK_NODE_EMPH:
                var inner = context
                inner.emphasis = true
                appendInlines(of: child, context: inner, to: &spans)
            case CMARK_NODE_STRONG:
                var inner = context
                inner.strong = true
                appendInlines(of: child, context: inner, to: &spans)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                appendLink(child, context: context, to: &spans)
            default:
                if CmarkParser.typeName(child) == "strikethrough" {
                    var inner = context
                    inner.strikethrough = true
                    appendInlines(of: child, context: inner, to: &spans)
                } else if let literal = cmark_node_get_literal(child) {
                    spans += Sanitizer.spans(String(cString: literal)[...], style: style(context.role))
                } else {
                    appendInlines(of: child, context: context, to: &spans)
                }
            }
        }
    }

    /// Link text, then the target dimmed in parentheses unless it only repeats the text.
    /// Images show their description in brackets.
    private func appendLink(_ node: OpaquePointer, context: InlineContext, to spans: inout [StyledSpan]) {
        var inner = context
        inner.link = true
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        var label: [StyledSpan] = []
        appendInlines(of: node, context: inner, to: &label)
        if isImage { label = [StyledSpan("[", style(.link))] + label + [StyledSpan("]", style(.link))] }
        spans += label
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let text = label.map(\.text).joined()
        let repeatsText = [text, "http://" + text, "https://" + text, "mailto:" + text].contains(url)
        if !url.isEmpty && !repeatsText {
            var target = TextStyle(.link, dim: true)
            target.dim = true
            spans.append(StyledSpan(" (", target))
            spans += Sanitizer.spans(url[...], style: target)
            spans.append(StyledSpan(")", target))
        }
    }
}
