import CCmark
import Synchronization

/// Parses markdown with cmark-gfm and its GFM extensions (tables, strikethrough, autolinks,
/// task lists) and hands the document tree to a closure; the tree is freed afterwards.
///
/// Parsing is serialised: cmark-gfm keeps the inline parser's table of special characters in
/// global state that attaching an extension adds to and finishing a parse removes from, so two
/// parses at once could lose `~~strikethrough~~`. Walking the finished trees runs concurrently.
enum CmarkParser {
    /// Held while a parser exists.
    private static let parsing = Mutex(())

    /// Registers the GFM extensions exactly once, thread-safely.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    static func withDocument<Result>(_ markdown: String, _ body: (OpaquePointer) -> Result) -> Result {
        precondition(extensionsRegistered)
        var source = markdown
        let document = parsing.withLock { _ in
            let parser = cmark_parser_new(cm_opt_default())!
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            source.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            return cmark_parser_finish(parser)!
        }
        defer { cmark_node_free(document) }
        cmark_consolidate_text_nodes(document)
        return body(document)
    }

    /// Number of code blocks (fenced or indented, at any depth) in a document.
    static func codeBlockCount(_ markdown: String) -> Int {
        withDocument(markdown) { document in
            var count = 0
            var pending = children(of: document)
            while let node = pending.popLast() {
                if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK { count += 1 }
                pending += children(of: node)
            }
            return count
        }
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
