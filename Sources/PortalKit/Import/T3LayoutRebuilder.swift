import Foundation

/// Rebuilds 表三 from positioned text (a PDF's words, or `pdftotext -layout` columns), where a row's
/// label wraps over several lines, group labels (（三）不予公开, the vertical 三、本年度办理结果) sit
/// beside the row labels, and figures stand under their column headers with blank cells between.
///
/// Rows: the label text of the whole table, in reading order, is aligned character by character
/// (edit distance) with the official labels in order; each label fragment then belongs to the
/// official row whose characters it matched, and each line of figures to the row its own fragments
/// (or, when it has none, the fragments just above and below it) belong to. Columns: the figures of
/// the lines that fill all seven columns give each column's position; every other figure is placed
/// under the nearest column, and a run of digits that extraction fused across two columns (`01`)
/// is split where the columns lie. Whatever cannot be placed this way is reported, never guessed.
struct T3LayoutRebuilder {
    /// A row as read: its label fragments, its figures by column, where it is.
    struct Row {
        var key: String
        var label: String
        var cells: [String]
        var position: SourceDocument.Position
    }

    let lines: [TextLayout.Line]
    let unit: Double

    /// The official rows in reading order, with （六）其他处理 as a row of its own before its three
    /// sub-rows, as the 2019 format and the combined 2021 variant print it.
    static let officialRows: [(key: String, label: String)] = {
        let rows2021 = StatisticsSchema.t3(format: .v2021).rows
        let f = StatisticsSchema.t3(format: .v2019).row("F")!
        var rows: [(String, String)] = []
        for row in rows2021 {
            if row.key == "F1" { rows.append((f.key, f.label)) }
            rows.append((row.key, row.label))
        }
        return rows.map { (key: $0.0, label: CellText.normalize($0.1)) }
    }()

    static let columnCount = StatisticsSchema.t3Columns.count

    func rebuild() -> (rows: [Row], issues: [ImportIssue]) {
        var issues: [ImportIssue] = []
        // 1. Label fragments and figure tokens of every line.
        struct Fragment {
            var text: String
            var line: Int
            var span: TextLayout.Span
        }
        var fragments: [Fragment] = []
        var figures: [[TextLayout.Span]] = Array(repeating: [], count: lines.count)
        for (index, line) in lines.enumerated() {
            let firstFigure = line.spans.firstIndex { Self.isFigureLike($0.text) }
            for (position, span) in line.spans.enumerated() {
                if let firstFigure, position >= firstFigure, Self.isFigureLike(span.text) {
                    figures[index].append(span)
                } else {
                    let text = CellText.normalize(span.text)
                    if !text.isEmpty { fragments.append(Fragment(text: text, line: index, span: span)) }
                }
            }
        }
        guard figures.contains(where: { !$0.isEmpty }) else { return ([], []) }
        let mergedLines = mergeSplitRows(&figures, labelled: Set(fragments.map(\.line)))

        // 2. Align the label text with the official labels.
        var official: [Character] = []
        var officialRow: [Int] = []
        for (index, row) in Self.officialRows.enumerated() {
            official += row.label
            officialRow += Array(repeating: index, count: row.label.count)
        }
        var input: [Character] = []
        var inputFragment: [Int] = []
        for (index, fragment) in fragments.enumerated() {
            input += fragment.text
            inputFragment += Array(repeating: index, count: fragment.text.count)
        }
        let matches = Self.align(input, official)
        var votes = Array(repeating: [Int: Int](), count: fragments.count)
        var matchedPerRow = Array(repeating: 0, count: Self.officialRows.count)
        for (inputIndex, officialIndex) in matches {
            votes[inputFragment[inputIndex]][officialRow[officialIndex], default: 0] += 1
            matchedPerRow[officialRow[officialIndex]] += 1
        }
        let fragmentRow: [Int?] = votes.enumerated().map { index, vote in
            guard let best = vote.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { return nil }
            return best.value >= min(2, fragments[index].text.count) ? best.key : nil
        }

        // 3. Which row each line of figures belongs to.
        var lineRow: [Int: Int] = [:]
        var unresolved: [Int] = []
        for index in lines.indices where !figures[index].isEmpty {
            // The row label is the labelled fragment nearest the figures; group labels stand further left.
            let own = fragments.indices.filter { fragments[$0].line == index && fragmentRow[$0] != nil }
            if let nearest = own.last {
                lineRow[index] = fragmentRow[nearest]!
            } else {
                unresolved.append(index)
            }
        }
        // A line of figures without a label of its own (a label centred over two lines): the nearest
        // label lines above and below must name the same row, one no other line of figures has.
        for index in unresolved {
            func neighbour(_ step: Int) -> Int? {
                var other = index + step
                while other >= 0, other < lines.count, lines[other].page == lines[index].page {
                    if !figures[other].isEmpty { return nil }
                    let rows = fragments.indices.filter { fragments[$0].line == other }.compactMap { fragmentRow[$0] }
                    if let row = rows.last { return row }
                    other += step
                }
                return nil
            }
            let above = neighbour(-1)
            let below = neighbour(1)
            if let row = above ?? below, above == nil || below == nil || above == below, !lineRow.values.contains(row) {
                lineRow[index] = row
            } else {
                issues.append(Self.dropped(position: lines[index].position, message: .importLayoutRowUnplaced(figures: Self.figureText(figures[index]))))
            }
        }
        var rowLines: [Int: [Int]] = [:]
        for (line, row) in lineRow { rowLines[row, default: []].append(line) }
        // （六）其他处理 with figures of its own beside its three sub-rows: one of them lost its figures.
        let subRows = Self.officialRows.indices.filter { ["F1", "F2", "F3"].contains(Self.officialRows[$0].key) }
        if let f = Self.officialRows.firstIndex(where: { $0.key == "F" }), let line = rowLines[f]?.first,
            subRows.contains(where: { rowLines[$0] != nil || matchedPerRow[$0] * 2 >= Self.officialRows[$0].label.count })
        {
            issues.append(Self.dropped(position: lines[line].position, message: .importLayoutRowUnplaced(figures: Self.figureText(figures[line]))))
            rowLines[f] = nil
        }

        // 4. Columns, then each row's cells.
        let anchors = columnAnchors(figures)
        var rows: [Row] = []
        for (rowIndex, official) in Self.officialRows.enumerated() {
            let label = fragments.indices.filter { fragmentRow[$0] == rowIndex }.map { fragments[$0].text }.joined()
            guard let found = rowLines[rowIndex]?.sorted() else {
                // A row printed with its label but no figure at all is a row of blank cells; the
                // group heading （六）其他处理 of the 2021 format has none by nature.
                let labelCount = official.label.count
                if official.key != "F", matchedPerRow[rowIndex] * 5 >= labelCount * 3,
                    let first = fragments.indices.first(where: { fragmentRow[$0] == rowIndex })
                {
                    rows.append(
                        Row(key: official.key, label: label, cells: Array(repeating: "", count: Self.columnCount), position: fragments[first].span.position))
                }
                continue
            }
            if found.count > 1 {
                issues.append(
                    Self.dropped(
                        position: lines[found[1]].position,
                        message: .importLayoutRowTwice(
                            row: StatisticsSchema.t3(format: .v2021).row(official.key)?.label ?? official.label, otherLine: lines[found[0]].position.line)))
                continue
            }
            let line = found[0]
            let pieces = figures[line].flatMap(Self.explode)
            if pieces.count == Self.columnCount {
                // Seven figures fill the seven columns in order, wherever they stand.
                let cells = pieces.map(\.text)
                guard !mergedLines.contains(line) || Self.addsUp(cells) else {
                    issues.append(Self.dropped(position: lines[line].position, message: .importLayoutRowDoesNotAddUp(figures: Self.figureText(figures[line]))))
                    continue
                }
                rows.append(Row(key: official.key, label: label, cells: cells, position: figures[line][0].position))
                continue
            }
            guard let anchors = anchors[lines[line].page] ?? anchors[-1] else {
                issues.append(Self.dropped(position: lines[line].position, message: .importLayoutColumnsUnknown))
                continue
            }
            switch place(figures[line], anchors: anchors) {
            case .success(let cells) where !Self.addsUp(cells):
                issues.append(Self.dropped(position: lines[line].position, message: .importLayoutRowDoesNotAddUp(figures: Self.figureText(figures[line]))))
            case .success(let cells):
                rows.append(Row(key: official.key, label: label, cells: cells, position: figures[line].first?.position ?? lines[line].position))
            case .failure(let problem):
                issues.append(Self.dropped(position: problem.span.position, message: .importLayoutFigureUnplaced(text: problem.span.text)))
            }
        }
        // Most lines of figures without a label anywhere near: the table was extracted column by
        // column or block by block (plain `pdftotext`), not row by row. One message says so.
        let figureLines = figures.filter { !$0.isEmpty }.count
        let unplaced = issues.filter { if case .importLayoutRowUnplaced = $0.message { true } else { false } }
        if unplaced.count >= 5, unplaced.count * 3 >= figureLines, let first = unplaced.first {
            return ([], [Self.dropped(position: first.position, message: .importLayoutReadingOrder(lines: unplaced.count))])
        }
        return (rows, issues)
    }

    /// One row's figures printed on two lines: the last figures wrapped to the start of the next
    /// line like running text. The labelled line and the unlabelled line after it are one row only
    /// when together they hold exactly seven figures; the row must then add up (T3-3).
    func mergeSplitRows(_ figures: inout [[TextLayout.Span]], labelled: Set<Int>) -> Set<Int> {
        var merged: Set<Int> = []
        var index = 0
        while index + 1 < lines.count {
            let next = index + 1
            let first = figures[index].flatMap(Self.explode)
            let second = figures[next].flatMap(Self.explode)
            guard !first.isEmpty, !second.isEmpty, lines[index].page == lines[next].page,
                first.count + second.count == Self.columnCount, labelled.contains(index), !labelled.contains(next),
                second[0].x0 < first[0].x0
            else {
                index += 1
                continue
            }
            figures[index] += figures[next]
            figures[next] = []
            merged.insert(index)
            index += 2
        }
        return merged
    }

    /// Whether a row read by inference (merged lines, figures placed by position) adds up: the
    /// total column equals the sum of the other six (blanks as nothing). A row read as seven
    /// figures on its own line is taken as printed, whatever its sums.
    static func addsUp(_ cells: [String]) -> Bool {
        guard let total = Amount(CellText.normalize(cells[cells.count - 1])) else { return false }
        let parts = cells.dropLast().compactMap { Amount(CellText.normalize($0)) }
        return Amount.sum(parts) == total
    }

    // MARK: - Columns

    struct Unplaced: Error {
        var span: TextLayout.Span
    }

    /// Where the seven columns stand, and which edge of a figure lines up with them (cells are
    /// aligned left, centred or right in different documents).
    struct Columns {
        enum Edge: CaseIterable {
            case left, center, right
            func of(_ span: TextLayout.Span) -> Double {
                switch self {
                case .left: span.x0
                case .center: span.center
                case .right: span.x1
                }
            }
        }
        var positions: [Double]
        var edge: Edge
    }

    /// Column positions per page (key -1: from the whole table), from the lines whose figures fill
    /// all seven columns, by the edge that varies least across those lines.
    func columnAnchors(_ figures: [[TextLayout.Span]]) -> [Int: Columns] {
        var full: [Int: [[TextLayout.Span]]] = [:]
        for (index, spans) in figures.enumerated() {
            let pieces = spans.flatMap(Self.explode)
            if pieces.count == Self.columnCount {
                full[lines[index].page, default: []].append(pieces)
                full[-1, default: []].append(pieces)
            }
        }
        var anchors: [Int: Columns] = [:]
        for (page, rows) in full {
            let options = Columns.Edge.allCases.map { edge in
                let positions = (0..<Self.columnCount).map { column in Self.median(rows.map { edge.of($0[column]) }) }
                let spread = rows.reduce(0.0) { total, row in
                    total + (0..<Self.columnCount).reduce(0.0) { $0 + abs(edge.of(row[$1]) - positions[$1]) }
                }
                return (columns: Columns(positions: positions, edge: edge), spread: spread)
            }
            let best = options.min { $0.spread < $1.spread }!.columns
            // Columns must stand apart, left to right.
            if zip(best.positions, best.positions.dropFirst()).allSatisfy({ $1 - $0 > unit * 0.5 }) { anchors[page] = best }
        }
        return anchors
    }

    /// The seven cells of one line of figures: each figure under the nearest column; a run of
    /// digits spanning two columns is split character by character where the columns lie.
    func place(_ spans: [TextLayout.Span], anchors columns: Columns) -> Result<[String], Unplaced> {
        let anchors = columns.positions
        let spacing = zip(anchors, anchors.dropFirst()).map { $1 - $0 }.min() ?? unit * 4
        let tolerance = max(spacing / 2, unit * 0.5)
        var cells = Array(repeating: "", count: anchors.count)
        func nearest(_ x: Double) -> Int? {
            let index = anchors.indices.min { abs(anchors[$0] - x) < abs(anchors[$1] - x) }!
            return abs(anchors[index] - x) <= tolerance ? index : nil
        }
        for span in spans {
            let pieces = Self.explode(span)
            if pieces.count == 1 {
                // A figure as wide as two columns may be two figures fused: it is placed only when
                // no other column lies under it.
                if let column = nearest(columns.edge.of(span)), cells[column].isEmpty,
                    !anchors.indices.contains(where: { $0 != column && anchors[$0] > span.x0 && anchors[$0] < span.x1 })
                {
                    cells[column] = span.text
                    continue
                }
                // Digits standing under two columns are two figures: each goes where it stands.
                let digits = Array(span.text)
                guard digits.count > 1, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(Unplaced(span: span)) }
                let width = (span.x1 - span.x0) / Double(digits.count)
                var parts: [Int: String] = [:]
                for (offset, digit) in digits.enumerated() {
                    var piece = span
                    piece.x0 = span.x0 + width * Double(offset)
                    piece.x1 = piece.x0 + width
                    guard let column = nearest(columns.edge.of(piece)) else { return .failure(Unplaced(span: span)) }
                    parts[column, default: ""].append(digit)
                }
                guard parts.count > 1 else { return .failure(Unplaced(span: span)) }
                for (column, text) in parts {
                    guard cells[column].isEmpty, Amount(text) != nil, !(text.count > 1 && text.hasPrefix("0")) else { return .failure(Unplaced(span: span)) }
                    cells[column] = text
                }
                continue
            }
            for piece in pieces {
                guard let column = nearest(columns.edge.of(piece)), cells[column].isEmpty else { return .failure(Unplaced(span: span)) }
                cells[column] = piece.text
            }
        }
        return .success(cells)
    }

    // MARK: - Helpers

    /// An issue whose figures are left out: their row is then reported missing, with its blanks.
    static func dropped(position: SourceDocument.Position, message: Message) -> ImportIssue {
        ImportIssue(position: position, message: message, written: false)
    }

    /// A figure, or digits fused by extraction (`01`, `3000.000.00`) that no single figure reads as.
    static func isFigureLike(_ text: String) -> Bool {
        let normalized = CellText.normalize(text)
        if case .number = CellText(text) { return true }
        return !normalized.isEmpty && normalized.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// A span as the figures it holds: itself when it reads as one figure; one piece per digit
    /// when it cannot be one figure (`01` has a leading zero, `0.00.0` two points).
    static func explode(_ span: TextLayout.Span) -> [TextLayout.Span] {
        let normalized = CellText.normalize(span.text)
        let digitsOnly = normalized.allSatisfy { $0.isASCII && $0.isNumber }
        let leadingZero = normalized.count > 1 && normalized.hasPrefix("0")
        if !digitsOnly || (Amount(normalized) != nil && !leadingZero) { return [span] }
        let characters = Array(span.text)
        let width = (span.x1 - span.x0) / Double(max(1, characters.count))
        return characters.enumerated().map { offset, character in
            var piece = span
            piece.text = String(character)
            piece.x0 = span.x0 + width * Double(offset)
            piece.x1 = piece.x0 + width
            return piece
        }
    }

    static func figureText(_ spans: [TextLayout.Span]) -> String { spans.map(\.text).joined(separator: " ") }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// The pairs (input index, official index) of equal characters in a minimal edit alignment.
    static func align(_ input: [Character], _ official: [Character]) -> [(Int, Int)] {
        let n = input.count
        let m = official.count
        guard n > 0, m > 0, n * m <= 20_000_000 else { return [] }
        // Costs row by row; the moves are kept to walk back: 0 match/substitute, 1 skip input, 2 skip official.
        var moves = [UInt8](repeating: 0, count: (n + 1) * (m + 1))
        var previous = Array(0...m)
        var current = Array(repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            moves[i * (m + 1)] = 1
            for j in 1...m {
                let diagonal = previous[j - 1] + (input[i - 1] == official[j - 1] ? 0 : 1)
                let skipInput = previous[j] + 1
                let skipOfficial = current[j - 1] + 1
                if diagonal <= skipInput, diagonal <= skipOfficial {
                    current[j] = diagonal
                    moves[i * (m + 1) + j] = 0
                } else if skipInput <= skipOfficial {
                    current[j] = skipInput
                    moves[i * (m + 1) + j] = 1
                } else {
                    current[j] = skipOfficial
                    moves[i * (m + 1) + j] = 2
                }
            }
            swap(&previous, &current)
        }
        for j in 0...m { moves[j] = 2 }
        var pairs: [(Int, Int)] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            switch moves[i * (m + 1) + j] {
            case 0:
                if input[i - 1] == official[j - 1] { pairs.append((i - 1, j - 1)) }
                i -= 1
                j -= 1
            case 1: i -= 1
            default: j -= 1
            }
        }
        return pairs.reversed()
    }
}
