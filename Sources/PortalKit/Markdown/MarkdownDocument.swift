import CCmark
import Foundation

/// A CommonMark document parsed by cmark, the reference C implementation.
///
/// This is the only place that calls cmark: it owns the parsed tree and frees it, so no C memory
/// escapes into the rest of the program.
final class MarkdownDocument {
    private let root: OpaquePointer

    /// Parses `markdown`; cmark accepts any input, so this cannot fail.
    init(_ markdown: String) {
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
    func html(allowUnsafe: Bool = false) -> String {
        Self.render(root, allowUnsafe: allowUnsafe)
    }

    private static func render(_ node: OpaquePointer, allowUnsafe: Bool) -> String {
        let options = allowUnsafe ? CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let rendered = cmark_render_html(node, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// A run of top-level blocks starting at a level-1 or level-2 heading (or the text before the first).
    struct Section: Sendable {
        /// The section's number when its heading starts with a Chinese numeral and 、 (`三、…` → 3).
        var number: Int?
        var html: String
    }

    /// The document split at its level-1 and level-2 headings, each part rendered to HTML, so that
    /// generated content (the statistics tables) can be placed between the report's sections.
    func sections(allowUnsafe: Bool = false) -> [Section] {
        var sections: [Section] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) <= 2 {
                sections.append(Section(number: Self.sectionNumber(Self.plainText(of: node)), html: ""))
            } else if sections.isEmpty {
                sections.append(Section(number: nil, html: ""))
            }
            sections[sections.count - 1].html += Self.render(node, allowUnsafe: allowUnsafe)
            child = cmark_node_next(node)
        }
        return sections
    }

    /// The concatenated text of a node's descendants.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            }
        }
        return text
    }

    static let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// `三、收到和处理…` → 3; headings without a leading numeral and 、 have no number.
    static func sectionNumber(_ heading: String) -> Int? {
        let trimmed = heading.drop { $0.isWhitespace }
        guard let first = trimmed.first, let number = numerals[first],
            let next = trimmed.dropFirst().first, next == "、" || next == "." || next == "．"
        else { return nil }
        return number
    }

    /// Every link and image destination, with the body line it is on, for link checking.
    var destinations: [(url: String, line: Int)] {
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
    static func html(from markdown: String, allowUnsafe: Bool = false) -> String {
        MarkdownDocument(markdown).html(allowUnsafe: allowUnsafe)
    }
}
