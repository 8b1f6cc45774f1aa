import Foundation

/// Reads a report page saved from a government portal: finds the report's text among the site
/// chrome (navigation, footers, share buttons), reads tables with their `rowspan`/`colspan`, and
/// picks up the page's metadata block (索引号, 发布机构, 发布日期) when there is one.
enum HTMLReader {
    /// Elements that are never part of a report's text.
    static let chrome: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
        "button", "select", "input", "textarea", "svg", "template", "head",
    ]
    /// Text of blocks that belong to the page, not the report.
    static let chromePhrases = ["分享到", "打印本页", "关闭窗口", "【打印】", "【关闭】", "字号：", "字体：", "扫一扫", "上一篇", "下一篇", "相关链接"]
    static let metadataLabels = ["索引号", "发布机构", "发布日期", "成文日期", "文号", "信息来源"]

    static func read(_ data: Data, displayPath: String) throws(DiagnosticsError) -> SourceDocument {
        if let problem = encodingProblem(data) {
            throw DiagnosticsError([.error(problem, at: SourceLocation(file: displayPath, line: 1))])
        }
        guard let root = HTMLTree.parse(data) else {
            throw DiagnosticsError([.error(.htmlUnreadable, at: SourceLocation(file: displayPath, line: 1))])
        }
        let page = strip(root)
        var metadata = readMetadata(page)
        metadata["标题"] = title(of: root)
        let container = mainContainer(page)
        var blocks: [SourceDocument.Block] = []
        collectBlocks(container, into: &blocks)
        return SourceDocument(blocks: blocks, metadata: metadata)
    }

    /// The character set a page declares in its first bytes (`<meta charset="gbk">` or
    /// `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`), lowercased.
    static func declaredCharset(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// Why the page's bytes do not match the encoding it declares (a page saved in GBK that says
    /// UTF-8, or the other way round), in the user's words; nil when they match or cannot be told.
    static func encodingProblem(_ data: Data) -> Message? {
        let bytes = [UInt8](data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...])
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        let declared = declaredCharset(data)
        switch declared {
        case nil, "utf-8", "utf8":
            guard !isUTF8 else { return nil }
            let looksGBK: Bool
            if case .success = Iconv.decode(bytes, from: "GB18030") { looksGBK = true } else { looksGBK = false }
            return .htmlEncodingMismatch(declared: declared == nil ? nil : "UTF-8", actual: looksGBK ? "GBK（GB18030）" : "UTF-8 以外的")
        case "gbk", "gb2312", "gb18030", "x-gbk", "cp936":
            guard isUTF8 else { return nil }
            return .htmlEncodingMismatch(declared: declared!.uppercased(), actual: "UTF-8")
        default:
            return nil
        }
    }

    /// The report's title: the monitoring tag `ArticleTitle`, else the page's first `<h1>`/`<h2>`
    /// naming a 年度报告, else `<title>` up to the site name.
    static func title(of root: HTMLTree) -> String? {
        if let meta = root.elements(where: { $0.name == "meta" && $0.attributes["name"]?.lowercased() == "articletitle" }).first,
            let content = meta.attributes["content"], content.contains("年度报告")
        {
            return HTMLTree.collapse(content)
        }
        // The whole text only of the first few headings: a page of headings nested in headings stays linear.
        if let heading = root.elements(where: { ["h1", "h2"].contains($0.name) }).prefix(20).first(where: { $0.textContent.contains("年度报告") }) {
            return heading.textContent
        }
        if let title = root.elements(where: { $0.name == "title" }).first?.textContent, title.contains("年度报告") {
            return String(title.split(whereSeparator: { "_|-–—".contains($0) }).first ?? Substring(title))
        }
        return nil
    }

    /// The page without scripts, styles and site chrome elements.
    static func strip(_ node: HTMLTree) -> HTMLTree {
        node.with(children: node.children.filter { !chrome.contains($0.name) }.map(strip))
    }

    static func isStatisticsTable(_ node: HTMLTree) -> Bool {
        guard node.name == "table", node.tableCount == 1 else { return false }
        let text = node.textContent
        return ["本年新收", "第二十条", "行政复议", "结果维持", "申请人情况"].contains { text.contains($0) }
    }

    /// The smallest element holding the statistics tables and the report's first section heading.
    static func mainContainer(_ page: HTMLTree) -> HTMLTree {
        let tables = page.elements(where: isStatisticsTable)
        let headings = page.elements { node in
            ["p", "div", "h1", "h2", "h3", "h4", "span", "strong", "td"].contains(node.name) && node.head.hasPrefix("一、")
        }
        let targets = tables.map(\.id) + headings.prefix(1).map(\.id)
        guard !targets.isEmpty else { return body(of: page) }
        var current = page
        while let next = current.children.first(where: { child in child.name != "#text" && targets.allSatisfy { child.contains(id: $0) } }) {
            current = next
        }
        return current
    }

    static func body(of page: HTMLTree) -> HTMLTree {
        page.elements { $0.name == "body" }.first ?? page
    }

    /// Walks the container in reading order: tables become grids, blocks of text become paragraphs.
    static func collectBlocks(_ node: HTMLTree, into blocks: inout [SourceDocument.Block]) {
        if node.name == "table" {
            let text = node.textContent
            if metadataLabels.prefix(3).filter({ text.contains($0) }).count >= 2 { return }
            if node.tableCount == 1 {
                blocks.append(.table(grid(of: node)))
                return
            }
        }
        let blockNames = HTMLTree.blockNames
        let hasBlockChildren = node.children.contains { child in
            child.name == "table" || blockNames.contains(child.name)
                || ["div", "section", "article", "ul", "ol", "tbody", "tr", "td", "center", "font"].contains(child.name)
                    && child.hasBlock
        }
        if blockNames.contains(node.name) || (!hasBlockChildren && node.name != "#text") {
            let text = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, !chromePhrases.contains(where: { text.hasPrefix($0) }) {
                for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    let level: Int? = node.name.count == 2 && node.name.hasPrefix("h") ? Int(node.name.dropFirst()) : nil
                    blocks.append(.paragraph(.init(text: line.trimmingCharacters(in: .whitespaces), position: .init(line: node.line), headingLevel: level)))
                }
            }
            return
        }
        var pendingText = ""
        var pendingLine = node.line
        func flushText() {
            let text = HTMLTree.collapse(pendingText)
            if !text.isEmpty, !chromePhrases.contains(where: { text.hasPrefix($0) }) {
                blocks.append(.paragraph(.init(text: text, position: .init(line: pendingLine), headingLevel: nil)))
            }
            pendingText = ""
        }
        for child in node.children {
            if child.name == "#text" || ["span", "strong", "b", "em", "a", "font", "u", "i"].contains(child.name) {
                if pendingText.isEmpty { pendingLine = child.line }
                pendingText += child.name == "#text" ? child.text : child.textContent
            } else if child.name == "br" {
                flushText()
            } else {
                flushText()
                collectBlocks(child, into: &blocks)
            }
        }
        flushText()
    }

    /// A table as a grid, honouring `rowspan` and `colspan`.
    static func grid(of table: HTMLTree) -> SourceDocument.Table {
        let rows = table.elements { $0.name == "tr" }
        var grid: [[String?]] = []
        var positions: [SourceDocument.Position] = []
        var covered: [Int: [Int: Int]] = [:]  // row → column → remaining rows covered from above
        // Real report tables have a few dozen rows and at most 16 columns; bound the grid so that
        // hostile spans cannot exhaust memory.
        for (r, row) in rows.prefix(2_000).enumerated() {
            var cells: [String?] = []
            var column = 0
            func fillCovered() {
                while let remaining = covered[r]?[column], remaining > 0 {
                    cells.append(nil)
                    column += 1
                }
            }
            for cell in row.children where cell.name == "td" || cell.name == "th" {
                fillCovered()
                guard column < 64 else { break }
                let colspan = min(64 - column, max(1, Int(cell.attributes["colspan"] ?? "") ?? 1))
                let rowspan = min(100, max(1, Int(cell.attributes["rowspan"] ?? "") ?? 1))
                cells.append(cell.spokenText.trimmingCharacters(in: .whitespacesAndNewlines))
                for extra in 0..<colspan {
                    if extra > 0 { cells.append(nil) }
                    if rowspan > 1 {
                        for below in 1..<rowspan { covered[r + below, default: [:]][column] = 1 }
                    }
                    column += 1
                }
            }
            fillCovered()
            grid.append(cells)
            positions.append(.init(line: row.line))
        }
        return SourceDocument.Table(rows: grid, positions: positions)
    }

    /// `索引号：xxx` in one cell or as `索引号` followed by the value in the next.
    static func readMetadata(_ page: HTMLTree) -> [String: String] {
        var tokens: [String] = []
        func walk(_ node: HTMLTree) {
            if ["td", "th", "li", "p", "span", "div", "dd", "dt", "label", "em", "b", "strong"].contains(node.name),
                !node.children.contains(where: { $0.name != "#text" && $0.name != "br" })
            {
                let text = node.textContent
                if !text.isEmpty { tokens.append(text) }
                return
            }
            if node.name == "#text" {
                let text = HTMLTree.collapse(node.text)
                if !text.isEmpty { tokens.append(text) }
                return
            }
            node.children.forEach(walk)
        }
        walk(page)
        // Labels are often spaced out (`索&nbsp;&nbsp;引&nbsp;&nbsp;号：`): match without white space.
        let normalized = tokens.map(CellText.normalize)
        let stops = metadataLabels + ["信息分类", "主题分类", "有效性", "发布时间", "来源"]
        var metadata: [String: String] = [:]
        for label in metadataLabels {
            for (index, token) in normalized.enumerated() {
                guard let range = token.range(of: label) else { continue }
                var value = token[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: ":"))
                if value.isEmpty, index + 1 < normalized.count, !normalized[index + 1].contains(":") {
                    value = normalized[index + 1]
                }
                // A value stops at the next label written in the same cell.
                for other in stops where other != label {
                    if let cut = value.range(of: other) { value = String(value[..<cut.lowerBound]) }
                }
                if !value.isEmpty, value.count < 80 { metadata[label] = value }
                break
            }
        }
        return metadata
    }
}
