import CCmark
import Foundation

/// A CommonMark document parsed by cmark, the reference C implementation.
///
/// This is the only place that calls cmark: it owns the parsed tree and frees it, so no C memory
/// escapes into the rest of the program.
final class MarkdownDocument {
    private let root: OpaquePointer
    private let markdown: String

    /// Parses `markdown`; cmark accepts any input, so this cannot fail.
    init(_ markdown: String) {
        self.markdown = markdown
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

    /// Renders HTML with pipe tables (`| a | b |` over `|---|---|`, as GitHub writes them) made
    /// into tables: the system cmark has no table extension, and a legacy report's tables are
    /// Markdown tables in its body. A top-level paragraph whose first line is a header row and
    /// second a delimiter row is a table; every later line of it is a row (cells beyond the
    /// header's are dropped, missing ones are empty, `\|` is a `|` in a cell). A cell is rendered
    /// as inline Markdown when it is one paragraph, else as its plain text.
    func htmlWithPipeTables(allowUnsafe: Bool = false) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var html = ""
        var child = cmark_node_first_child(root)
        while let node = child {
            child = cmark_node_next(node)
            let first = Int(cmark_node_get_start_line(node))
            let last = Int(cmark_node_get_end_line(node))
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, first >= 1, last <= lines.count,
                let table = PipeTable(lines[(first - 1)..<last].map(String.init))
            {
                html += table.html { Self.inlineHTML($0, allowUnsafe: allowUnsafe) }
            } else {
                html += Self.render(node, allowUnsafe: allowUnsafe)
            }
        }
        return html
    }

    /// A table cell's Markdown as inline HTML: one paragraph's content, else the escaped text.
    private static func inlineHTML(_ cell: String, allowUnsafe: Bool) -> String {
        guard !cell.isEmpty else { return "" }
        let document = MarkdownDocument(cell)
        guard let paragraph = cmark_node_first_child(document.root), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            cmark_node_next(paragraph) == nil
        else { return HTMLContent.escape(cell) }
        var html = render(paragraph, allowUnsafe: allowUnsafe)
        while html.last?.isNewline == true { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    /// A GitHub-style pipe table: a header row, a delimiter row (`|---|:--:|`) and body rows.
    struct PipeTable: Sendable, Equatable {
        var header: [String]
        var rows: [[String]]

        /// nil unless `lines` start with a header row and a delimiter row of as many cells.
        init?(_ lines: [String]) {
            guard lines.count >= 2, lines[0].contains("|") else { return nil }
            let header = Self.cells(lines[0])
            let delimiter = Self.cells(lines[1])
            guard delimiter.count == header.count,
                delimiter.allSatisfy({ cell in
                    let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
                    return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
                })
            else { return nil }
            self.header = header
            rows = lines.dropFirst(2).map { line in
                let cells = Self.cells(line)
                return Array(cells.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - cells.count))
            }
        }

        /// A row's cells: split at each `|` not preceded by `\`, outer pipes dropped, trimmed.
        static func cells(_ line: String) -> [String] {
            var text = Substring(line.trimmingCharacters(in: .whitespaces))
            if text.hasPrefix("|") { text = text.dropFirst() }
            if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
            var cells: [String] = []
            var current = ""
            var escaped = false
            for character in text {
                if escaped {
                    current += character == "|" ? "|" : "\\" + String(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    cells.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if escaped { current += "\\" }
            cells.append(current)
            return cells.map { $0.trimmingCharacters(in: .whitespaces) }
        }

        /// The table in a scrolling region, each cell through `cell`.
        func html(cell: (String) -> String) -> String {
            var html = "<div class=\"table-scroll\" role=\"region\" aria-label=\"表格\" tabindex=\"0\">\n<table class=\"body-table\">\n<thead>\n<tr>"
            for text in header { html += "<th scope=\"col\">" + cell(text) + "</th>" }
            html += "</tr>\n</thead>\n"
            if !rows.isEmpty {
                html += "<tbody>\n"
                for row in rows {
                    html += "<tr>" + row.map { "<td>" + cell($0) + "</td>" }.joined() + "</tr>\n"
                }
                html += "</tbody>\n"
            }
            return html + "</table>\n</div>\n"
        }
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

    /// The document as plain text, for the search index: the text of every inline (raw HTML
    /// left out), a line break at each line break and at the end of each block.
    func plainText() -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += "\n"
                default: break
                }
            } else if event == CMARK_EVENT_EXIT, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM {
                if !text.isEmpty, text.last != "\n" { text += "\n" }
            }
        }
        while text.last == "\n" { text.removeLast() }
        return text
    }

    /// Convenience for one-shot conversion.
    static func html(from markdown: String, allowUnsafe: Bool = false) -> String {
        MarkdownDocument(markdown).html(allowUnsafe: allowUnsafe)
    }
}
