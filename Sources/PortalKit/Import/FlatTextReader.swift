import Foundation

/// Reads a report flattened onto one line, as web crawls store a whole page in one paragraph:
/// the six official headings cut it into sections, the official row labels cut the tables into
/// rows, and the figures after each label become its cells. Figures that ran together without
/// separators stay one cell, for the table's arithmetic to split (or to refuse).
enum FlatTextReader {
    /// A line is flat when it holds at least three of the six official headings.
    static func isFlat(_ line: Substring) -> Bool {
        guard line.count >= 200 else { return false }
        let normalized = CellText.normalize(String(line))
        return ReportSection.allCases.filter { normalized.contains(CellText.normalize($0.heading)) }.count >= 3
    }

    static func looksFlat(_ text: String) -> Bool {
        text.split(separator: "\n").contains(where: isFlat)
    }

    /// Row labels of T2 and T3 in both formats, longest first so that 行政规范性文件 wins over 规范性文件.
    static let rowLabels: [String] = {
        var labels = Set<String>()
        for format in ReportFormat.allCases {
            for table in StatisticsSchema.tables(for: format) where table.id != .t4 {
                for row in table.rows { labels.insert(CellText.normalize(row.label)) }
            }
        }
        return labels.sorted { $0.count > $1.count }
    }()

    static func read(_ text: String) -> SourceDocument {
        var blocks: [SourceDocument.Block] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = TextNormalizer.normalize(String(raw))
            if isFlat(raw) {
                // Page numbers the crawl kept between rows (`— 2 —`, `- 3 -`).
                line = line.replacingOccurrences(of: #"[—–\-－]\s*\d{1,3}\s*[—–\-－]"#, with: " ", options: .regularExpression)
                blocks += flatBlocks(line, line: index + 1)
            } else {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { blocks.append(.paragraph(.init(text: trimmed, position: .init(line: index + 1), headingLevel: nil))) }
            }
        }
        return SourceDocument(blocks: blocks)
    }

    /// One character of the line in compared form (full-width → ASCII), with where it stood.
    private struct Letter {
        var character: Character
        var column: Int
        /// White space stood before it: what separates figures.
        var spaced: Bool
    }

    private static func flatBlocks(_ line: String, line number: Int) -> [SourceDocument.Block] {
        var letters: [Letter] = []
        var spaced = false
        for (offset, character) in line.enumerated() {
            let compared = CellText.normalize(String(character))
            if compared.isEmpty {
                spaced = true
            } else {
                for scalar in compared { letters.append(Letter(character: scalar, column: offset + 1, spaced: spaced)) }
                spaced = false
            }
        }
        guard !letters.isEmpty else { return [] }
        let characters = letters.map(\.character)
        let spacing = letters.map(\.spaced)
        func position(_ index: Int) -> SourceDocument.Position {
            SourceDocument.Position(line: number, column: letters[min(index, letters.count - 1)].column)
        }
        func find(_ needle: String, from start: Int) -> Int? {
            let target = Array(needle)
            guard target.count <= characters.count else { return nil }
            var index = start
            while index + target.count <= characters.count {
                if characters[index] == target[0], Array(characters[index..<index + target.count]) == target { return index }
                index += 1
            }
            return nil
        }
        func text(_ range: Range<Int>) -> String {
            String(characters[range]).trimmingCharacters(in: .whitespaces)
        }

        // 1. The six headings, in order.
        var headings: [(section: Int, start: Int, end: Int)] = []
        var cursor = 0
        for section in ReportSection.allCases {
            let heading = CellText.normalize(section.heading)
            if let start = find(heading, from: cursor) {
                headings.append((section.rawValue, start, start + heading.count))
                cursor = start + heading.count
            }
        }
        var blocks: [SourceDocument.Block] = []
        func paragraph(_ range: Range<Int>) {
            // Narrative: a paragraph per sub-heading such as （一）主动公开.
            var start = range.lowerBound
            var index = range.lowerBound
            while index < range.upperBound {
                if index > start, characters[index] == "(", index + 2 < range.upperBound, "一二三四五六七八九十".contains(characters[index + 1]) {
                    let part = text(start..<index)
                    if !part.isEmpty { blocks.append(.paragraph(.init(text: part, position: position(start), headingLevel: nil))) }
                    start = index
                }
                index += 1
            }
            let part = text(start..<range.upperBound)
            if !part.isEmpty { blocks.append(.paragraph(.init(text: part, position: position(start), headingLevel: nil))) }
        }
        let before = headings.first?.start ?? characters.count
        paragraph(0..<before)
        for (index, heading) in headings.enumerated() {
            blocks.append(.paragraph(.init(text: text(heading.start..<heading.end), position: position(heading.start), headingLevel: nil)))
            let end = index + 1 < headings.count ? headings[index + 1].start : characters.count
            if (2...4).contains(heading.section) {
                blocks.append(.table(table(heading.end..<end, characters: characters, spacing: spacing, position: position)))
            } else {
                paragraph(heading.end..<end)
            }
        }
        return blocks
    }

    /// A table's stretch of the line as rows: each official label with the figures after it; the
    /// text between (block and column headings) as rows of one cell.
    private static func table(_ range: Range<Int>, characters: [Character], spacing: [Bool], position: (Int) -> SourceDocument.Position) -> SourceDocument.Table
    {
        var rows: [[String?]] = []
        var positions: [SourceDocument.Position] = []
        var index = range.lowerBound
        var pending = range.lowerBound
        func flushText(_ end: Int) {
            let part = String(characters[pending..<end]).trimmingCharacters(in: .whitespaces)
            if !part.isEmpty {
                rows.append([part])
                positions.append(position(pending))
            }
        }
        while index < range.upperBound {
            guard
                let label = rowLabels.first(where: { label in
                    index + label.count <= range.upperBound && String(characters[index..<index + label.count]) == label
                })
            else {
                if characters[index].isASCII, characters[index].isNumber {
                    // Figures after a heading that is not a row label (表四).
                    let (cells, end) = figures(characters, spacing, from: index, to: range.upperBound)
                    if !cells.isEmpty, cells.contains(where: { $0?.isEmpty == false }) {
                        flushText(index)
                        rows.append(cells)
                        positions.append(position(index))
                        index = end
                        pending = end
                        continue
                    }
                }
                index += 1
                continue
            }
            flushText(index)
            let labelEnd = index + label.count
            let (cells, end) = figures(characters, spacing, from: labelEnd, to: range.upperBound)
            rows.append([label] + cells)
            positions.append(position(index))
            index = end
            pending = end
        }
        flushText(range.upperBound)
        return SourceDocument.Table(rows: rows, positions: positions)
    }

    /// The figures from `start`: runs of digits separated by spaces, each with an annotation in
    /// brackets that follows it (`22(其中修订16件)`); digits without spaces stay one cell.
    private static func figures(_ characters: [Character], _ spacing: [Bool], from start: Int, to end: Int) -> ([String?], Int) {
        var cells: [String?] = []
        var index = start
        func isFigure(_ character: Character) -> Bool { character.isASCII && (character.isNumber || character == ".") }
        while index < end, characters[index].isASCII, characters[index].isNumber {
            var cell = ""
            // The figures end where the next row's label starts, even when its number touches them (`00000006.属于`).
            func labelStarts(_ at: Int) -> Bool {
                rowLabels.contains { at + $0.count <= end && characters[at] == $0.first! && String(characters[at..<at + $0.count]) == $0 }
            }
            if labelStarts(index) { break }
            while index < end, isFigure(characters[index]), cell.isEmpty || !spacing[index], cell.isEmpty || !labelStarts(index) {
                cell.append(characters[index])
                index += 1
            }
            // An annotation, not the numbering of the next row (`(七)总计`).
            if index < end, characters[index] == "(", let close = characters[index..<min(end, index + 40)].firstIndex(of: ")"),
                !characters[(index + 1)..<close].allSatisfy({ "一二三四五六七八九十".contains($0) })
            {
                cell += String(characters[index...close])
                index = close + 1
            }
            cells.append(cell)
        }
        return (cells, index)
    }
}
