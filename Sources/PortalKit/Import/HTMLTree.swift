import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's forgiving HTML parser and copied into Swift values.
///
/// This is the only place that calls libxml2: the C tree is freed before `parse` returns.
///
/// What the reader asks of every node (where its subtree ends, how its text begins, whether it
/// holds tables or blocks) is worked out once, from its children, when the node is made: asking
/// it of each node of a page nested hundreds of levels deep stays linear in the page's size.
struct HTMLTree: Sendable {
    /// The node's position in document order, unique within a tree.
    let id: Int
    let name: String
    let attributes: [String: String]
    /// For text nodes (`name == "#text"`), the text.
    let text: String
    let line: Int
    let children: [HTMLTree]
    /// The largest id in this node's subtree: the nodes below it have the ids after its own up to this one.
    let lastID: Int
    /// The first `headLength` characters of `textContent`.
    let head: String
    /// Whether the node's text starts or ends with white space, and whether it has any other character.
    let startsWithSpace: Bool
    let endsWithSpace: Bool
    let isBlank: Bool
    /// How many `table` elements the subtree has (this node included).
    let tableCount: Int
    /// Whether the subtree has a block element, a table or a `div` (this node included).
    let hasBlock: Bool

    static let headLength = 64
    static let blockNames: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"]

    init(id: Int, name: String, attributes: [String: String], text: String, line: Int, children: [HTMLTree]) {
        self.id = id
        self.name = name
        self.attributes = attributes
        self.text = text
        self.line = line
        self.children = children
        lastID = children.last?.lastID ?? id
        tableCount = children.reduce(name == "table" ? 1 : 0) { $0 + $1.tableCount }
        hasBlock = Self.blockNames.contains(name) || name == "table" || name == "div" || children.contains(where: \.hasBlock)
        func isSpace(_ character: Character) -> Bool { character.isWhitespace || character == "\u{00A0}" || character == "\u{3000}" }
        if name == "#text" || name == "br" {
            let raw = name == "br" ? "\n" : text
            head = String(HTMLTree.collapse(String(raw.prefix(Self.headLength * 4))).prefix(Self.headLength))
            startsWithSpace = raw.first.map(isSpace) ?? false
            endsWithSpace = raw.last.map(isSpace) ?? false
            isBlank = raw.allSatisfy(isSpace)
        } else {
            var result = ""
            var pending = false
            var starts = false
            var ends = false
            var blank = true
            for child in children where !(child.head.isEmpty && !child.startsWithSpace && !child.endsWithSpace) {
                if blank { starts = starts || child.startsWithSpace }
                if child.isBlank {
                    pending = pending || !result.isEmpty
                    ends = true
                    continue
                }
                blank = false
                if result.count < Self.headLength {
                    if !result.isEmpty, pending || child.startsWithSpace { result.append(" ") }
                    result += child.head
                }
                pending = child.endsWithSpace
                ends = child.endsWithSpace
            }
            head = String(result.prefix(Self.headLength))
            startsWithSpace = starts
            endsWithSpace = ends
            isBlank = blank
        }
    }

    /// A copy of this node with other children (the derived values are worked out again).
    func with(children: [HTMLTree]) -> HTMLTree {
        HTMLTree(id: id, name: name, attributes: attributes, text: text, line: line, children: children)
    }

    /// Whether the node with `id` is this node or below it.
    func contains(id other: Int) -> Bool { (id...lastID).contains(other) }

    /// Parses a page; the encoding comes from the page's `<meta charset>` (UTF-8 when it has none).
    static func parse(_ data: Data) -> HTMLTree? {
        portal_xml_silence()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document: htmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil, options)
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var counter = 0
        return copy(root, depth: 0, counter: &counter)
    }

    private static func copy(_ node: xmlNodePtr, depth: Int, counter: inout Int) -> HTMLTree {
        let line = Int(xmlGetLineNo(node))
        let id = counter
        counter += 1
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
            let content = node.pointee.content.map { String(cString: $0) } ?? ""
            return HTMLTree(id: id, name: "#text", attributes: [:], text: content, line: line, children: [])
        }
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let key = current.pointee.name {
                // An attribute's value is held by its text children.
                var value = ""
                var part = current.pointee.children
                while let text = part {
                    if let content = text.pointee.content { value += String(cString: content) }
                    part = text.pointee.next
                }
                attributes[String(cString: key).lowercased()] = value
            }
            attribute = current.pointee.next
        }
        var children: [HTMLTree] = []
        var child = node.pointee.children
        // libxml2 limits nesting itself; the depth guard keeps this recursion bounded regardless.
        while let current = child, depth < 512 {
            if current.pointee.type == XML_ELEMENT_NODE || current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                children.append(copy(current, depth: depth + 1, counter: &counter))
            }
            child = current.pointee.next
        }
        return HTMLTree(id: id, name: name, attributes: attributes, text: "", line: line, children: children)
    }

    /// All text below this node, with runs of white space (including no-break spaces) collapsed.
    var textContent: String {
        var parts: [String] = []
        collectText(into: &parts)
        return HTMLTree.collapse(parts.joined())
    }

    /// `textContent` without the elements hidden from assistive technology (`aria-hidden="true"`):
    /// a cell's own content, without labels a layout repeats in it (portal-gen's own pages carry
    /// each figure's column label that way, for phones).
    var spokenText: String {
        var parts: [String] = []
        collectText(into: &parts, skippingHidden: true)
        return HTMLTree.collapse(parts.joined())
    }

    private func collectText(into parts: inout [String], skippingHidden: Bool = false) {
        if name == "#text" {
            parts.append(text)
            return
        }
        if name == "br" {
            parts.append("\n")
            return
        }
        if skippingHidden, attributes["aria-hidden"] == "true" { return }
        for child in children { child.collectText(into: &parts, skippingHidden: skippingHidden) }
    }

    static func collapse(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character == "\u{00A0}" || character == "\u{3000}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// Every descendant element (depth-first, document order), this node included.
    func elements(where predicate: (HTMLTree) -> Bool) -> [HTMLTree] {
        var found: [HTMLTree] = []
        collect(where: predicate, into: &found)
        return found
    }

    private func collect(where predicate: (HTMLTree) -> Bool, into found: inout [HTMLTree]) {
        if name != "#text", predicate(self) { found.append(self) }
        for child in children { child.collect(where: predicate, into: &found) }
    }
}
