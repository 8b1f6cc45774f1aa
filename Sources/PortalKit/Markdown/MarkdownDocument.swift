import Foundation
import CCmark

/// A CommonMark document parsed by cmark, the reference C implementation.
///
/// This is the only place that calls cmark: it owns the parsed tree and frees it, so no C memory
/// escapes into the rest of the program.
public final class MarkdownDocument {
    private let root: OpaquePointer

    /// Parses `markdown`; cmark accepts any input, so this cannot fail.
    public init(_ markdown: String) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        root = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), options)
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// Renders HTML. Unless `allowUnsafe`, raw HTML is omitted and `javascript:`, `vbscript:`,
    /// `file:` and `data:` links are emptied (cmark's safe default).
    public func html(allowUnsafe: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT
        if allowUnsafe { options |= CMARK_OPT_UNSAFE }
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Every link and image destination, with the body line it is on, for link checking.
    public var destinations: [(url: String, line: Int)] {
        var found: [(String, Int)] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            found.append((String(cString: url), MarkdownDocument.line(of: node)))
        }
        return found
    }

    /// Inline nodes carry no position in cmark; use the nearest enclosing block's line.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }

    /// Convenience for one-shot conversion.
    public static func html(from markdown: String, allowUnsafe: Bool = false) -> String {
        MarkdownDocument(markdown).html(allowUnsafe: allowUnsafe)
    }
}
