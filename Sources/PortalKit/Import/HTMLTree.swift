import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's forgiving HTML parser and copied into Swift values.
///
/// This is the only place that calls libxml2: the C tree is freed before `parse` returns.
public struct HTMLTree: Sendable {
    /// The node's position in document order, unique within a tree.
    public var id: Int
    public var name: String
    public var attributes: [String: String]
    /// For text nodes (`name == "#text"`), the text.
    public var text: String
    public var line: Int
    public var children: [HTMLTree]

    /// Parses a page; the encoding comes from the page's `<meta charset>` (UTF-8 when it has none).
    public static func parse(_ data: Data) -> HTMLTree? {
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
    public var textContent: String {
        var parts: [String] = []
        collectText(into: &parts)
        return HTMLTree.collapse(parts.joined())
    }

    private func collectText(into parts: inout [String]) {
        if name == "#text" { parts.append(text); return }
        if name == "br" { parts.append("\n"); return }
        for child in children { child.collectText(into: &parts) }
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

    /// The ids of this node and all nodes below it.
    public var subtreeIDs: Set<Int> {
        children.reduce(into: [id]) { $0.formUnion($1.subtreeIDs) }
    }

    /// Every descendant element (depth-first, document order), this node included.
    public func elements(where predicate: (HTMLTree) -> Bool) -> [HTMLTree] {
        var found: [HTMLTree] = []
        if name != "#text", predicate(self) { found.append(self) }
        for child in children { found += child.elements(where: predicate) }
        return found
    }
}
