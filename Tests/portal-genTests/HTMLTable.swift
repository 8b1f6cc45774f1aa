import Foundation
import Yams

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A `<table>` of a generated page, parsed as XML (the tables the theme writes are well-formed).
struct HTMLTable {
    let element: XMLElement

    /// Every `<table …>…</table>` of a page, keyed by its `id` (tables do not nest in the theme).
    static func all(in html: String) throws -> [String: HTMLTable] {
        var tables: [String: HTMLTable] = [:]
        var rest = html[...]
        while let start = rest.range(of: "<table"), let end = rest.range(of: "</table>", range: start.upperBound..<rest.endIndex) {
            let fragment = String(rest[start.lowerBound..<end.upperBound])
            let document = try XMLDocument(xmlString: fragment, options: [])
            let table = HTMLTable(element: document.rootElement()!)
            tables[table.element.attribute(forName: "id")?.stringValue ?? "#\(tables.count)"] = table
            rest = rest[end.upperBound...]
        }
        return tables
    }

    /// Data cells as (their `headers` ids, text, whether marked blank).
    var cells: [(headers: Set<String>, text: String, blank: Bool)] {
        ((try? element.nodes(forXPath: ".//td[@headers]")) ?? []).compactMap { $0 as? XMLElement }.map { td in
            let headers = Set((td.attribute(forName: "headers")?.stringValue ?? "").split(separator: " ").map(String.init))
            let blank = td.attribute(forName: "class")?.stringValue == "blank"
            let text = (td.children ?? []).filter { $0.kind == .text }.map { $0.stringValue ?? "" }.joined()
            return (headers, text, blank)
        }
    }

    /// The data cell announced with all of `headers`; nil unless exactly one cell matches.
    func cell(_ headers: String...) -> (text: String, blank: Bool)? {
        let matches = cells.filter { Set(headers).isSubset(of: $0.headers) }
        return matches.count == 1 ? (matches[0].text, matches[0].blank) : nil
    }

    /// Every header cell's id, so a test can check that `headers` point to real cells.
    var headerIDs: Set<String> {
        Set(((try? element.nodes(forXPath: ".//th[@id]")) ?? []).compactMap { ($0 as? XMLElement)?.attribute(forName: "id")?.stringValue })
    }

    /// Rows of cell texts (th and td), for simple tables such as the supervision grid.
    var rows: [[XMLElement]] {
        ((try? element.nodes(forXPath: ".//tbody/tr")) ?? []).map { row in
            ((row as? XMLElement)?.children ?? []).compactMap { $0 as? XMLElement }
        }
    }
}

/// The statistics of a report file, read straight from its YAML (independently of PortalKit's parser).
struct SourceTables {
    let year: Int
    let township: String
    let published: String
    /// "t3" → "N" → cell texts ("" for a blank written as ~).
    let rows: [String: [String: [String]]]

    init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let parts = text.components(separatedBy: "\n---\n")
        let yaml = String(parts[0].dropFirst(4))
        let node = try require(try Yams.compose(yaml: yaml))
        year = Int(node["year"]!.string!)!
        township = node["township"]!.string!
        published = node["published"]!.string!
        var rows: [String: [String: [String]]] = [:]
        for table in ["t2", "t3", "t4"] {
            guard let mapping = node[table]?.mapping else { continue }
            for (key, value) in mapping {
                let items = value.sequence.map(Array.init) ?? [value]
                rows[table, default: [:]][key.string!] = items.map { $0.null != nil ? "" : $0.string! }
            }
        }
        self.rows = rows
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CocoaError(.coderValueNotFound) }
    return value
}
