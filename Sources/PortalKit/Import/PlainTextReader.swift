import Foundation

/// Reads text copied out of Word or PDF: tab-separated cells, `|`-separated rows and Markdown pipe
/// tables become table rows; every other line is a paragraph (one cell per line tables are
/// recognised later, from where they stand in the report). Page footers such as `— 5 —` are dropped.
enum PlainTextReader {
    static func read(_ text: String) -> SourceDocument {
        var blocks: [SourceDocument.Block] = []
        var table: SourceDocument.Table?
        func closeTable() {
            if let current = table { blocks.append(.table(current)) }
            table = nil
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            let position = SourceDocument.Position(line: index + 1)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if isPageFooter(trimmed) || isPipeSeparator(trimmed) { continue }
            if let cells = cells(of: line) {
                if table == nil { table = SourceDocument.Table(rows: [], positions: []) }
                table!.rows.append(cells)
                table!.positions.append(position)
                continue
            }
            if trimmed.isEmpty {
                continue
            }
            closeTable()
            // A Markdown heading (`## 二、主动公开政府信息情况`) is its text.
            let hashes = trimmed.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), trimmed.dropFirst(hashes).first == " " {
                let text = trimmed.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
                blocks.append(.paragraph(.init(text: text, position: position, headingLevel: min(hashes, 2))))
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\u{3000}" }.count
            blocks.append(.paragraph(.init(text: trimmed, position: SourceDocument.Position(line: index + 1, column: indent + 1), headingLevel: nil)))
        }
        closeTable()
        return SourceDocument(blocks: blocks)
    }

    /// The cells of a table line, or nil for a line of running text.
    static func cells(of line: String) -> [String?]? {
        if line.contains("\t") {
            return line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let pipe: Character? = trimmed.contains("|") ? "|" : trimmed.contains("｜") ? "｜" : nil
        guard let pipe else { return nil }
        // `行政许可 | 58`: one bar between a label and a figure is a row too.
        let single = trimmed.split(separator: pipe, omittingEmptySubsequences: false)
        let labelAndFigure = single.count == 2 && T3LayoutRebuilder.isFigureLike(single[1].trimmingCharacters(in: .whitespaces))
        guard trimmed.filter({ $0 == pipe }).count >= 2 || trimmed.hasPrefix(String(pipe)) || labelAndFigure else { return nil }
        var parts = trimmed.split(separator: pipe, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if trimmed.hasPrefix(String(pipe)) { parts.removeFirst() }
        if trimmed.hasSuffix(String(pipe)), !parts.isEmpty { parts.removeLast() }
        return parts
    }

    /// `— 5 —`, `- 12 -`, `第 3 页`, `3/12`: page furniture that PDF and Word copies leave in the text.
    static func isPageFooter(_ line: String) -> Bool {
        guard !line.isEmpty else { return false }
        let stripped = line.filter { !$0.isWhitespace }
        if stripped.hasPrefix("第"), stripped.hasSuffix("页"), stripped.dropFirst().dropLast().allSatisfy({ $0.isNumber || $0 == "共" || $0 == "页" }) {
            return true
        }
        let dashes: Set<Character> = ["—", "–", "-", "－", "―"]
        let digits = stripped.filter { !dashes.contains($0) }
        return stripped.first.map(dashes.contains) == true && stripped.last.map(dashes.contains) == true
            && !digits.isEmpty && digits.allSatisfy { $0.isNumber }
    }

    static func isPipeSeparator(_ line: String) -> Bool {
        !line.isEmpty && line.contains("-") && line.allSatisfy { "|-: ｜".contains($0) }
    }
}
