import Foundation

/// Recognises the rows of T2, T3 and T4 in a delivered report by their labels (official wording
/// and common variants), not by position, and reads their figures. Blank cells stay blank; nothing
/// is ever changed to make the arithmetic work.
struct TableRecognizer {
    /// One cell of the input with where it came from.
    struct Item {
        var cell: CellText
        var raw: String
        var position: SourceDocument.Position
        /// True for the first item of an input row.
        var startsRow: Bool
    }

    struct RecognizedRow {
        var key: String
        var label: String
        var values: [Item]
        var position: SourceDocument.Position
    }

    /// What was read, what is uncertain, and notes moved out of cells.
    struct Outcome {
        var cells: [TableID: [String: [Amount?]]] = [:]
        var issues: [ImportIssue] = []
        var notes: [String] = []
        var formatEvidence: [ReportFormat] = []
    }

    /// Flattens table rows into items, skipping cells covered by a merged neighbour.
    static func items(_ rows: [[String?]], _ positions: [SourceDocument.Position]) -> [Item] {
        var items: [Item] = []
        for (index, row) in rows.enumerated() {
            var first = true
            for cell in row {
                guard let cell else { continue }
                items.append(Item(cell: CellText(cell), raw: cell, position: positions[index], startsRow: first))
                first = false
            }
        }
        return items
    }

    // MARK: - Row labels

    typealias Matcher = @Sendable (_ label: String, _ expected: String?) -> Bool

    static func contains(_ words: String...) -> Matcher {
        { label, _ in words.contains { label.contains($0) } }
    }

    static let t3Matchers: [(key: String, match: Matcher)] = [
        ("N", contains("本年新收")), ("K", contains("上年结转")),
        ("A", { label, _ in label.contains("予以公开") && !label.contains("部分") }), ("B", contains("部分公开")),
        ("C1", contains("国家秘密")), ("C2", contains("禁止公开")), ("C3", contains("三安全一稳定", "危及")), ("C4", contains("第三方")),
        ("C5", contains("内部事务")), ("C6", contains("过程性")), ("C7", contains("执法案卷")), ("C8", contains("查询事项")),
        ("D1", contains("不掌握")), ("D2", contains("现成信息", "另行制作")), ("D3", contains("补正后", "仍不明确")),
        ("E1", contains("信访", "举报投诉")), ("E2", contains("重复申请")), ("E3", contains("公开出版物")), ("E4", contains("大量反复")),
        ("E5", contains("重新出具", "确认或")),
        ("F1", contains("不补正")), ("F2", contains("收费通知", "缴纳费用")),
        ("F3", { label, expected in expected == "F3" && ["3.其他", "3、其他", "其他", "(3)其他"].contains(label) }),
        ("F", { label, _ in label.contains("其他处理") || label == "(六)其他" }),
        ("G", { label, expected in label.contains("(七)") || (expected == "G" && label.contains("总计")) }),
        ("J", contains("结转下年度")),
    ]

    static let t2Matchers: [(key: String, match: Matcher)] = [
        ("rules", { label, _ in label.contains("规章") && !label.contains("规范性") }),
        ("normative", contains("规范性文件")),
        ("licensing", contains("行政许可")),
        ("other_services", contains("其他对外管理服务")),
        ("penalty", contains("行政处罚")),
        ("coercion", contains("行政强制")),
        ("fees", contains("事业性收费")),
        ("procurement", contains("集中采购")),
    ]

    // MARK: - T3

    static func t3(_ items: [Item], into outcome: inout Outcome) -> ReportFormat? {
        let candidates = recognize(items, matchers: t3Matchers, firstKey: "N")
        var rows = candidates
        // (六)其他处理 is a group label in the 2021 format and a row of its own in the 2019 format.
        let hasF = rows.contains { $0.key == "F" && !$0.values.isEmpty }
        let hasF123 = rows.contains { ["F1", "F2", "F3"].contains($0.key) }
        rows.removeAll { $0.key == "F" && ($0.values.isEmpty || hasF123) }
        let format: ReportFormat = hasF && !hasF123 ? .v2019 : .v2021
        outcome.formatEvidence.append(format)
        let spec = StatisticsSchema.t3(format: format)
        var table: [String: [Amount?]] = [:]
        var ambiguous: [(key: String, candidates: [[Amount?]], position: SourceDocument.Position, digits: String)] = []
        // A missing row is reported where it should have been: after the row before it.
        var expectedAt = items.first?.position ?? .init(line: 1)
        for row in spec.rows {
            guard let found = rows.first(where: { $0.key == row.key }) else {
                outcome.issues.append(
                    ImportIssue(position: expectedAt, message: .importT3RowMissing(row: row.label), cells: row.columns.count))
                continue
            }
            expectedAt = found.position
            switch fit(found, columns: row.columns.map(\.label), table: "T3", into: &outcome) {
            case .cells(let cells): table[row.key] = cells
            case .runTogether(let digits):
                let splits = split(digits, into: 7).filter { $0[0..<6].reduce(0, +) == $0[6] }
                if splits.count == 1 {
                    table[row.key] = splits[0].map { Amount($0) }
                } else {
                    ambiguous.append((row.key, splits.map { $0.map { Amount($0) } }, found.position, digits))
                }
            case .unreadable: break
            }
        }
        resolveAmbiguous(ambiguous, table: &table, format: format, outcome: &outcome)
        outcome.cells[.t3] = table
        return format
    }

    /// Uses T3-1 and T3-2 across rows to pick the one split that makes the table add up.
    static func resolveAmbiguous(
        _ ambiguous: [(key: String, candidates: [[Amount?]], position: SourceDocument.Position, digits: String)],
        table: inout [String: [Amount?]], format: ReportFormat, outcome: inout Outcome
    ) {
        guard !ambiguous.isEmpty else { return }
        // Count the combinations without overflowing: past the cap the exact number does not matter.
        let combinations = ambiguous.reduce(1) { product, row in
            let (next, overflow) = product.multipliedReportingOverflow(by: max(1, row.candidates.count))
            return overflow ? Int.max : min(next, 1_000_001)
        }
        var solutions: [[Int]] = []
        if combinations <= 100_000, ambiguous.allSatisfy({ !$0.candidates.isEmpty }) {
            var choice = [Int](repeating: 0, count: ambiguous.count)
            for _ in 0..<combinations {
                var trial = table
                for (index, row) in ambiguous.enumerated() { trial[row.key] = row.candidates[choice[index]] }
                if addsUp(trial, format: format) { solutions.append(choice) }
                for index in choice.indices {
                    choice[index] += 1
                    if choice[index] < ambiguous[index].candidates.count { break }
                    choice[index] = 0
                }
            }
        }
        if solutions.count == 1 {
            for (index, row) in ambiguous.enumerated() { table[row.key] = row.candidates[solutions[0][index]] }
            return
        }
        for row in ambiguous {
            let label = StatisticsSchema.t3(format: format).row(row.key)?.label ?? row.key
            let listed = row.candidates.map { "[" + $0.map { $0?.text ?? "~" }.joined(separator: ", ") + "]" }
            outcome.issues.append(
                ImportIssue(
                    position: row.position, message: .importT3RunTogether(row: label, digits: row.digits, readings: listed),
                    cells: row.candidates.first?.count ?? 7))
        }
    }

    /// Whether a complete T3 satisfies T3-1, T3-2 and T3-3.
    /// The same rules as `check` (`ArithmeticRules`): a reading is kept only when every balance holds.
    static func addsUp(_ table: [String: [Amount?]], format: ReportFormat) -> Bool {
        ArithmeticRules.t3(format: format) { key, column in table[key]?[column].orZero ?? .zero }
            .allSatisfy { $0.holds == true }

    }

    // MARK: - T2

    static func t2(_ items: [Item], into outcome: inout Outcome) -> ReportFormat? {
        let labels = items.compactMap { item -> String? in if case .label(let text) = item.cell { return text } else { return nil } }
        let says2019 = labels.contains { ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额"].contains(where: $0.contains) }
        let says2021 = labels.contains { ["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额"].contains(where: $0.contains) }
        let rows = recognize(items, matchers: t2Matchers, firstKey: nil)
        let format: ReportFormat =
            says2019 && !says2021 ? .v2019 : (!says2019 && !says2021 && rows.contains { ["other_services", "procurement"].contains($0.key) }) ? .v2019 : .v2021
        outcome.formatEvidence.append(format)
        var table: [String: [Amount?]] = [:]
        var expectedAt = items.first?.position ?? .init(line: 1)
        for row in StatisticsSchema.tables(for: format)[0].rows {
            guard let found = rows.first(where: { $0.key == row.key }) else {
                outcome.issues.append(ImportIssue(position: expectedAt, message: .importT2RowMissing(row: row.label), cells: row.columns.count))
                continue
            }
            expectedAt = found.position
            switch fit(found, columns: row.columns.map(\.label), table: "T2", into: &outcome) {
            case .cells(let cells): table[row.key] = cells
            case .runTogether(let digits):
                // T2 has no total to split by; digits are split only when one reading alone is
                // possible, blank cells included (`000`: 0, 0, 0; `106` might be 106 or 10, 6 or 1, 0, 6).
                let readings = (1...row.columns.count).flatMap { split(digits, into: $0) }
                if readings.count == 1, readings[0].count == row.columns.count {
                    table[row.key] = readings[0].map { Amount($0) }
                    continue
                }
                outcome.issues.append(
                    ImportIssue(
                        position: found.position,
                        message: .importT2RunTogether(row: row.label, digits: digits, count: row.columns.count), cells: row.columns.count))
            case .unreadable: break
            }
        }
        outcome.cells[.t2] = table
        return format
    }

    // MARK: - T4

    static func t4(_ items: [Item], into outcome: inout Outcome) {
        // The figures follow the header rows; there is no row label.
        let lastLabel = items.lastIndex { !$0.cell.isValue } ?? -1
        var values = Array(items[(lastLabel + 1)...])
        while values.count > 15, values.last?.cell == .blank { values.removeLast() }
        while values.count > 15, values.first?.cell == .blank { values.removeFirst() }
        let position = values.first?.position ?? items.last?.position ?? .init(line: 1)
        var figures: [Amount?] = []
        if values.count == 15 {
            figures = values.map { item in
                guard case .number(let amount, let note) = item.cell else { return nil }
                if let note { outcome.notes.append("T4 原表填写为“\(note)”，此处按\(amount.text)录入。") }
                return amount
            }
            // Figures gathered from more than one line are in reading order, which is only certain
            // when each group of five adds up (维持 + 纠正 + 其他 + 尚未审结 = 总计).
            let groupsAddUp = (0..<3).allSatisfy { group in
                Amount.sum(figures[group * 5..<group * 5 + 4].map(\.orZero)) == figures[group * 5 + 4].orZero
            }
            if Set(values.map(\.position)).count > 1, !groupsAddUp {
                outcome.issues.append(ImportIssue(position: position, message: .importT4Scattered(figures: values.map(\.raw)), cells: 15))
                return
            }
        } else if values.count == 1, let digits = digitRun(values[0]), digits.count >= 15 {
            let splits = split(digits, into: 15).filter { parts in
                (0..<3).allSatisfy { group in parts[group * 5..<group * 5 + 4].reduce(0, +) == parts[group * 5 + 4] }
            }
            if splits.count == 1 {
                figures = splits[0].map { Amount($0) }
            } else {
                outcome.issues.append(
                    ImportIssue(
                        position: position,
                        message: .importT4RunTogether(digits: digits, splits: splits.count), cells: 15))
                return
            }
        } else {
            outcome.issues.append(
                ImportIssue(position: position, message: .importT4WrongCount(found: values.count), cells: 15))
            return
        }
        outcome.cells[.t4] = ["R": Array(figures[0..<5]), "S": Array(figures[5..<10]), "P": Array(figures[10..<15])]
    }

    // MARK: - Shared

    /// Groups items into rows by their labels: a label that names a row starts it, figures that
    /// follow (on the same input row or on the next ones) belong to it, and a label that names no
    /// row continues the previous label when that row has no figures yet (labels broken across lines).
    static func recognize(_ items: [Item], matchers: [(key: String, match: Matcher)], firstKey: String?) -> [RecognizedRow] {
        var rows: [RecognizedRow] = []
        var current: RecognizedRow?
        var order = matchers.map(\.key)
        if let firstKey, let index = order.firstIndex(of: firstKey) { order = Array(order[index...]) }
        var nextIndex = 0
        func finish() {
            if let row = current { rows.append(row) }
            current = nil
        }
        for item in items {
            if case .label(let text) = item.cell, !isFigureInYuan(text) {
                // The row label is the last label before the figures on the same input row.
                let expected = nextIndex < order.count ? order[nextIndex] : nil
                let searchable =
                    firstKey != nil && rows.isEmpty && current == nil
                    ? Array(order.prefix(1)) : Array(order[min(nextIndex, order.count)...]) + order.prefix(nextIndex)
                if let key = searchable.first(where: { key in matchers.first { $0.key == key }!.match(text, expected) })
                    ?? LabelSimilarity.closestRow(to: text, among: searchable)
                {
                    if let row = current, row.values.isEmpty {
                        current = nil  // the previous label was a group heading
                    } else {
                        finish()
                    }
                    current = RecognizedRow(key: key, label: text, values: [], position: item.position)
                    if let position = order.firstIndex(of: key) { nextIndex = position + 1 }
                } else if var row = current, row.values.isEmpty {
                    row.label += text
                    current = row
                }
            } else if current != nil {
                current!.values.append(item)
            }
        }
        finish()
        return rows
    }

    /// `251000元`: a figure, in a unit the table does not use.
    static func isFigureInYuan(_ text: String) -> Bool {
        text.hasSuffix("元") && !text.hasSuffix("万元") && Amount(String(text.dropLast())) != nil
    }

    enum Fit {
        case cells([Amount?])
        case runTogether(String)
        case unreadable
    }

    /// Fits a row's values to `count` cells: padding blanks from merged labels are dropped first.
    static func fit(_ row: RecognizedRow, columns: [String], table: String, into outcome: inout Outcome) -> Fit {
        let count = columns.count
        // Empty cells beyond the row's width are layout: trailing separators, then the padding
        // that a label spanning several columns leaves before the figures.
        var values = row.values
        while values.count > count, values.last?.cell == .blank { values.removeLast() }
        while values.count > count, values.first?.cell == .blank { values.removeFirst() }
        let filled = values.filter { $0.cell != .blank }
        if values.count != count || count > 1 && filled.count == 1, filled.count == 1, count > 1, let digits = digitRun(filled[0]), digits.count >= count {
            return .runTogether(digits)
        }
        guard values.count == count else {
            outcome.issues.append(
                ImportIssue(
                    position: row.position,
                    message: .importRowWrongCount(table: table, row: row.label, expected: count, found: values.count, cells: row.values.map(\.raw)),
                    cells: count))
            return .unreadable
        }
        var cells: [Amount?] = []
        for (index, item) in values.enumerated() {
            switch item.cell {
            case .blank: cells.append(nil)
            case .number(let amount, let note):
                cells.append(amount)
                if let note { outcome.notes.append("\(table)“\(row.label)”行“\(columns[index])”栏原表填写为“\(note)”，此处按\(amount.text)录入。") }
            case .label(let text):
                // `251000元` in a column of 万元: portal-gen does not convert units.
                let yuan = isFigureInYuan(text)
                outcome.issues.append(
                    ImportIssue(
                        position: item.position,
                        message: yuan
                            ? .importCellInYuan(table: table, row: row.label, text: text, column: columns[index])
                            : .importCellNotFigure(table: table, row: row.label, text: text), cells: 1))
                cells.append(nil)
            }
        }
        return .cells(cells)
    }

    /// The digits of a cell that holds nothing but digits (`6000017`, `0000000`), as written.
    static func digitRun(_ item: Item) -> String? {
        let text = CellText.normalize(item.raw)
        return !text.isEmpty && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? text : nil
    }

    /// Every way to cut `digits` into `parts` whole numbers without leading zeros.
    static func split(_ digits: String, into parts: Int) -> [[Int]] {
        let characters = Array(digits)
        guard characters.count >= parts, characters.count <= 40, characters.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
        var results: [[Int]] = []
        var current: [Int] = []
        func walk(_ start: Int, _ remaining: Int) {
            if results.count > 10_000 { return }
            if remaining == 0 {
                if start == characters.count { results.append(current) }
                return
            }
            let maxLength = characters.count - start - (remaining - 1)
            guard maxLength >= 1 else { return }
            for length in 1...min(maxLength, 9) {
                if length > 1, characters[start] == "0" { break }
                current.append(Int(String(characters[start..<start + length]))!)
                walk(start + length, remaining - 1)
                current.removeLast()
            }
        }
        walk(0, parts)
        return results
    }
}

/// Something the importer could not read with certainty, with where it is in the input.
struct ImportIssue: Sendable, CustomStringConvertible {
    var position: SourceDocument.Position
    var message: Message
    /// The cells this leaves blank (`~`) in the content file; written only with --partial.
    var cells: Int = 0
    /// False when the figures concerned are left out (their row is then reported missing, with
    /// the cells it leaves blank); true when something was written as read and is to be checked.
    var written = true

    var description: String { "\(position): \(message.text(.english))" }
}
