import CCmark

extension MarkdownRenderer {
    /// Bullets by nesting depth.
    static let bullets = ["•", "◦", "▪"]

    /// A list: each item's blocks rendered narrower, the marker (bullet, number, or task box
    /// ☐/☑) on its first line and a hanging indent of the marker's width on the others. Tight
    /// lists have no blank lines between or inside items.
    func list(_ node: OpaquePointer, width: Int, context: BlockContext, state: inout RenderState) -> [StyledLine] {
        let items = CmarkParser.children(of: node)
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        let start = Int(cmark_node_get_list_start(node))
        let delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
        let tight = cmark_node_get_list_tight(node) != 0
        let markers = items.enumerated().map { index, item in
            if CmarkParser.typeName(item) == "tasklist" {
                return cmark_gfm_extensions_get_tasklist_item_checked(item) ? "☑" : "☐"
            }
            return ordered ? "\(start + index)\(delimiter)" : Self.bullets[context.listDepth % Self.bullets.count]
        }
        let markerWidth = (markers.map { DisplayWidth.of($0) }.max() ?? 1) + 1
        var inner = context
        inner.listDepth += 1
        inner.tight = tight

        var lines: [StyledLine] = []
        for (index, item) in items.enumerated() {
            if index > 0 && !tight { lines.append(.empty) }
            var content = blocks(in: item, width: max(1, width - markerWidth), context: inner, state: &state)
            if content.isEmpty { content = [.empty] }
            let marker = markers[index]
            let padding = String(repeating: " ", count: markerWidth - 1 - DisplayWidth.of(marker))
            let first = [
                StyledSpan(ordered ? padding + marker : marker + padding, style(.listMarker)),
                StyledSpan(" ", style(.plain)),
            ]
            let rest = [StyledSpan(String(repeating: " ", count: markerWidth), style(.plain))]
            lines += Self.prefixed(content, first: first, rest: rest)
        }
        return lines
    }
}
