import Foundation

/// Turns text laid out on pages (`TextLayout`) into a `SourceDocument`: running text becomes
/// paragraphs (lines joined back where they only wrapped), lines of several cells become table
/// rows, and 表三, whose labels wrap and whose blank cells leave no trace in the text, is rebuilt
/// from positions by `T3LayoutRebuilder`.
enum LayoutAssembler {
    static func assemble(_ layout: TextLayout) -> SourceDocument {
        let lines = joinBracketContinuations(dropPageFurniture(layout.lines), unit: layout.unit)
        var blocks: [SourceDocument.Block] = []
        var issues: [ImportIssue] = []
        var section = 0
        var t3Lines: [TextLayout.Line] = []
        var table: SourceDocument.Table?
        var paragraph: (text: String, position: SourceDocument.Position, last: TextLayout.Line)?
        // The margins of running text: where its lines start and where full lines end.
        let prose = lines.filter { $0.spans.count == 1 }
        let left = prose.map(\.x0).min() ?? 0
        let ends = prose.map(\.x1).sorted()
        let right = ends.isEmpty ? 0 : ends[ends.count * 3 / 4]

        func closeTable() {
            if let current = table { blocks.append(.table(current)) }
            table = nil
        }
        func closeParagraph() {
            if let current = paragraph { blocks.append(.paragraph(.init(text: current.text, position: current.position, headingLevel: nil))) }
            paragraph = nil
        }
        func closeT3() {
            guard !t3Lines.isEmpty else { return }
            let rebuilt = T3LayoutRebuilder(lines: t3Lines, unit: layout.unit).rebuild()
            issues += rebuilt.issues
            if !rebuilt.rows.isEmpty {
                blocks.append(
                    .table(SourceDocument.Table(rows: rebuilt.rows.map { [$0.label] + $0.cells.map { $0 } }, positions: rebuilt.rows.map(\.position))))
            } else {
                // No official T3 here (a pre-2019 report): the lines as they are, for nothing to be lost.
                blocks.append(.table(SourceDocument.Table(rows: t3Lines.map { $0.spans.map(\.text) }, positions: t3Lines.map(\.position))))
            }
            t3Lines = []
        }

        for line in lines {
            let text = joinedText(line)
            if let number = ReportImporter.sectionNumber(text, after: section) {
                closeParagraph()
                closeTable()
                closeT3()
                section = number
                blocks.append(.paragraph(.init(text: text, position: line.position, headingLevel: nil)))
                continue
            }
            if section == 3 {
                t3Lines.append(line)
                continue
            }
            let tabular = line.spans.count >= 2 && ((2...4).contains(section) || line.spans.contains(where: \.isFigure))
            if tabular || (2...4).contains(section) {
                closeParagraph()
                if table == nil { table = SourceDocument.Table(rows: [], positions: []) }
                table!.rows.append(line.spans.map(\.text))
                table!.positions.append(line.position)
                continue
            }
            closeTable()
            // Running text: a line continues the paragraph when the one before reached the right
            // margin and this one is not indented and does not start a heading; the title may wrap.
            if let open = paragraph, continues(open.last, line, left: left, right: right, unit: layout.unit, isTitle: section == 0, text: text) {
                paragraph = (open.text + joinSeparator(open.text, text) + text, open.position, line)
            } else {
                closeParagraph()
                paragraph = (text, line.position, line)
            }
        }
        closeParagraph()
        closeTable()
        closeT3()
        return SourceDocument(blocks: blocks, issues: issues)
    }

    /// A line's text with the gaps PDF extraction puts between Chinese and Latin characters removed.
    static func joinedText(_ line: TextLayout.Line) -> String {
        var result = ""
        for span in line.spans {
            if !result.isEmpty { result += " " }
            result += span.text
        }
        return tightened(result)
    }

    /// `2024 年` → `2024年`: a single space between a Chinese character and a Latin letter or digit
    /// is the gap Word and PDF typesetting leave, not a space the author typed.
    static func tightened(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count {
                let before = characters[index - 1]
                let after = characters[index + 1]
                if isWide(before) && (after.isASCII && (after.isLetter || after.isNumber) || isWide(after))
                    || isWide(after) && before.isASCII && (before.isLetter || before.isNumber)
                {
                    continue
                }
            }
            result.append(character)
        }
        return result
    }

    static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first.map {
            (0x2E80...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) || (0x3000...0x303F).contains($0.value)
        }
            ?? false
    }

    static func joinSeparator(_ before: String, _ after: String) -> String {
        guard let last = before.last, let first = after.first else { return "" }
        return last.isASCII && first.isASCII && (last.isLetter || last.isNumber) && (first.isLetter || first.isNumber) ? " " : ""
    }

    static func continues(
        _ previous: TextLayout.Line, _ line: TextLayout.Line, left: Double, right: Double, unit: Double, isTitle: Bool, text: String
    ) -> Bool {
        let before = CellText.normalize(joinedText(previous))
        if isTitle, !before.contains("年度报告"), CellText.normalize(joinedText(previous) + text).contains("年度报告") { return true }
        let reachedMargin = previous.x1 >= right - unit * 4
        let indented = line.x0 > left + unit * 1.5
        let startsHeading = MarkdownDocument.sectionNumber(CellText.normalize(text)) != nil || text.hasPrefix("（") || text.hasPrefix("(")
        return reachedMargin && !indented && !startsHeading
    }

    /// Page numbers (`- 2 -`, `— 4 —`, `第 3 页`) printed between the rows of a table.
    static func dropPageFurniture(_ lines: [TextLayout.Line]) -> [TextLayout.Line] {
        lines.filter { !PlainTextReader.isPageFooter($0.text.trimmingCharacters(in: .whitespaces)) }
    }

    /// A cell whose text opens a bracket it does not close (`1（其中修订 1`) continues on the next
    /// line or two, in the span that stands under it (`件）`).
    static func joinBracketContinuations(_ input: [TextLayout.Line], unit: Double) -> [TextLayout.Line] {
        var lines = input
        func open(_ text: String) -> Bool {
            text.filter { "（(".contains($0) }.count > text.filter { "）)".contains($0) }.count
        }
        for index in lines.indices {
            // Only a figure's annotation: labels that wrap are the rebuilder's concern.
            for spanIndex in lines[index].spans.indices
            where open(lines[index].spans[spanIndex].text) && lines[index].spans[spanIndex].text.first?.isNumber == true {
                var next = index + 1
                while next < min(lines.count, index + 3), open(lines[index].spans[spanIndex].text) {
                    let span = lines[index].spans[spanIndex]
                    if let below = lines[next].spans.firstIndex(where: {
                        $0.x0 < span.x1 + unit && $0.x1 > span.x0 - unit && !$0.isFigure && ($0.text.contains("）") || $0.text.contains(")"))
                    }) {
                        lines[index].spans[spanIndex].text += lines[next].spans[below].text
                        lines[next].spans.remove(at: below)
                    }
                    next += 1
                }
            }
        }
        return lines.filter { !$0.spans.isEmpty }
    }
}
