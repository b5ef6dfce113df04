import CCmark

/// Parses markdown with cmark-gfm and its GFM extensions (tables, strikethrough, autolinks,
/// task lists) and hands the document tree to a closure; the tree is freed afterwards.
enum CmarkParser {
    /// Registers the GFM extensions exactly once, thread-safely.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    static func withDocument<Result>(_ markdown: String, _ body: (OpaquePointer) -> Result) -> Result {
        precondition(extensionsRegistered)
        let parser = cmark_parser_new(cm_opt_default())!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var source = markdown
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        cmark_consolidate_text_nodes(document)
        return body(document)
    }

    /// Children of a node, in order.
    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    static func typeName(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_type_string(node) else { return "" }
        return String(cString: pointer)
    }
}
