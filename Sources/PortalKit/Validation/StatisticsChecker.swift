import Foundation

/// The arithmetic rules of the official format (see docs/statistics.md), applied to every report.
///
/// Findings never change a figure: a published report is a legal record and is shown as published.
/// Each finding names its rule and the numbers involved, at the line of the offending row.
enum StatisticsChecker {

    /// All findings for all reports, in report order: each report's own findings (made when it was
    /// parsed, see `Report.findings`) and the rules joining a township's consecutive years.
    static func check(_ portal: Portal) async -> [Diagnostic] {
        var byTownship: [String: [Int: Report]] = [:]
        for report in portal.reports { byTownship[report.township.slug, default: [:]][report.year] = report }
        let lookup = byTownship
        return await portal.reports.concurrentMap { report in
            var findings = report.findings
            if let previous = lookup[report.township.slug]?[report.year - 1] {
                let joined = checkConsecutive(previous: previous, current: report)
                // Report order puts a report's narrative findings last, as they were before.
                let narrative = findings.firstIndex { $0.rule == .narrative } ?? findings.endIndex
                findings.insert(contentsOf: joined, at: narrative)
            }
            return findings.map { finding in
                var finding = finding
                finding.report = report.id
                return finding
            }
        }.flatMap { $0 }
    }

    /// Rules within one report: T3-1…T3-4, T4-1, T2-1 and blank cells (none for a legacy report).
    static func check(_ report: Report) -> [Diagnostic] {
        report.statistics.map { check($0, file: report.source) } ?? []
    }

    /// Rules within one report's tables; `file` is the report file as shown in messages.
    static func check(_ s: Statistics, file: String) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        func at(_ table: TableID, _ row: String, _ column: Int? = nil) -> SourceLocation? {
            s.location(table: table, row: row, column: column) ?? SourceLocation(file: file, line: 1)
        }
        func n(_ value: Amount) -> String { value.text }

        // Blank cells: one finding per table, at its first blank cell.
        for table in s.tables {
            guard table.hasBlanks else { continue }
            let blanks = table.allCells.filter { $0.amount == nil }
            guard let first = blanks.first else { continue }
            let rows = Set(blanks.map(\.row.key))
            let rowList = table.spec.rows.filter { rows.contains($0.key) }.map(\.key)
            findings.append(
                .warning(
                    .blankCells(
                        table: table.spec.id.label, count: blanks.count, rows: rowList, firstRow: first.row.label,
                        firstColumn: first.row.columns[first.column].label),
                    at: at(table.spec.id, first.row.key, first.column), rule: .blank))
        }

        // T2-1, T3-4: kinds of figures.
        for table in s.tables {
            let rule: RuleID = table.spec.id == .t2 ? .t2Kinds : .t3Kinds
            for (rowIndex, row) in table.spec.rows.enumerated() {
                for column in row.columns.indices {
                    // Most figures are plain counts, which need no look.
                    guard let amount = table[rowIndex, column], amount.scale != 0 || amount.isNegative else { continue }
                    let spec = row.columns[column]
                    let wrong: Bool
                    switch spec.kind {
                    case .count: wrong = !amount.isWholeNumber || amount.isNegative
                    case .change: wrong = !amount.isWholeNumber
                    case .money: wrong = amount.isNegative
                    }
                    if wrong {
                        findings.append(
                            .error(
                                .figureWrongKind(
                                    table: table.spec.id.label, row: row.label, column: spec.label, value: amount.text, kind: figureKind(spec.kind)),
                                at: at(table.spec.id, row.key, column), rule: rule))
                    }
                }
            }
        }

        let balances = ArithmeticRules.t3(format: s.format, variant: s.variant) { s.t3.value($0, $1) } + ArithmeticRules.t4 { s.t4.value($0, $1) }
        for balance in balances {
            let table = balance.rule == .t4Results ? s.t4 : s.t3
            let place = at(table.spec.id, balance.row, balance.column)
            guard let holds = balance.holds else {
                let row = table.spec.row(balance.row)
                findings.append(
                    .error(
                        .figuresTooLarge(table: table.spec.id.label, row: row?.label ?? balance.row, column: row?.columns[balance.column].label ?? ""),
                        at: place, rule: .overflow))
                continue
            }
            if !holds { findings.append(finding(for: balance, in: table, at: place)) }
        }
        return findings
    }

    /// The finding for a balance of `ArithmeticRules` that does not hold (both totals known).
    static func finding(for balance: ArithmeticRules.Balance, in table: StatTable, at place: SourceLocation?) -> Diagnostic {
        func n(_ value: Amount?) -> String { value?.text ?? "?" }
        func terms(_ side: [ArithmeticRules.Term]) -> [Message.Term] { side.map { Message.Term(label: $0.label, value: n($0.amount)) } }
        let left = n(balance.leftTotal)
        let right = n(balance.rightTotal)
        let row = table.spec.row(balance.row)!
        let columnLabel = StatisticsSchema.t3Columns[min(balance.column, 6)].label
        switch balance.rule {
        case .t3Balance:
            let cells = (balance.left + balance.right).map { n($0.amount) }
            return .error(
                .t3BalanceBroken(column: columnLabel, received: cells[0], carried: cells[1], left: left, total: cells[2], carriedOn: cells[3], right: right),
                at: place, rule: balance.rule)
        case .t3Results:
            return .error(.t3ResultsBroken(column: columnLabel, total: left, terms: terms(balance.right), sum: right), at: place, rule: balance.rule)
        case .t3Applicants:
            return .error(.t3ApplicantsBroken(row: row.label, total: left, terms: terms(balance.right), sum: right), at: place, rule: balance.rule)
        default:
            return .error(
                .t4ResultsBroken(group: row.group, row: row.label, total: left, terms: terms(balance.right), sum: right), at: place, rule: balance.rule)
        }
    }

    /// X-1 and X-2: the same township's consecutive years must join up (a legacy report has no
    /// figures to join).
    static func checkConsecutive(previous: Report, current: Report) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        guard let p = previous.statistics, let s = current.statistics else { return [] }
        func n(_ value: Amount) -> String { value.text }
        for (c, column) in StatisticsSchema.t3Columns.enumerated() where s.t3.value("K", c) != p.t3.value("J", c) {
            findings.append(
                .error(
                    .carriedOverBroken(
                        column: column.label, value: n(s.t3.value("K", c)), year: current.year, previousYear: previous.year, previousFile: previous.source,
                        previousValue: n(p.t3.value("J", c))),
                    at: s.location(table: .t3, row: "K", column: c), rule: .carriedOver))
        }
        if s.format == .v2021, p.format == .v2021 {
            for row in ["rules", "normative"] {
                // Last year's figure plus those issued this year must be those repealed plus those in force.
                guard let before = Amount.sum(p.t2.value(row, 2), s.t2.value(row, 0)), let after = Amount.sum(s.t2.value(row, 1), s.t2.value(row, 2)) else {
                    continue
                }
                let expected = Amount.sum(before, Amount(mantissa: -s.t2.value(row, 1).mantissa, scale: s.t2.value(row, 1).scale))
                if before != after, let expected {
                    let label = s.t2.spec.row(row)!.label
                    findings.append(
                        .warning(
                            .documentsInForceBroken(
                                row: label, value: n(s.t2.value(row, 2)), previousYear: previous.year, previousValue: n(p.t2.value(row, 2)),
                                issued: n(s.t2.value(row, 0)), repealed: n(s.t2.value(row, 1)), expected: n(expected)),
                            at: s.location(table: .t2, row: row, column: 2), rule: .documentsInForce))
                }
            }
        }
        return findings
    }

    static func figureKind(_ kind: ColumnSpec.Kind) -> Message.FigureKind {
        switch kind {
        case .count: .count
        case .change: .change
        case .money: .money
        }
    }

    /// Patterns of figures quoted in the narrative, with the T3 row whose 总计 they must equal.
    static let narrativePatterns: [(regex: NSRegularExpression, row: String, label: String)] = [
        (try! NSRegularExpression(pattern: #"共(?:收到|受理|新收)(?:政府信息公开|依申请公开)?申请(?:共)?\s*(\d+)\s*件"#), "N", "本年新收政府信息公开申请"),
        (try! NSRegularExpression(pattern: #"予以公开\s*(\d+)\s*件"#), "A", "予以公开"),
    ]
    static let noApplications = try! NSRegularExpression(pattern: #"(?:未收到|没有收到|无)(?:政府信息公开|依申请公开)申请"#)

    /// N-1: figures quoted in the narrative agree with T3 (best effort, warnings only). `body`
    /// starts on line `firstLine` of `file`.
    static func checkNarrative(_ body: String, firstLine: Int, t3: StatTable, file: String) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var lineStart = body.utf8.startIndex
        var offset = -1
        while lineStart < body.utf8.endIndex {
            offset += 1
            let lineEnd = body.utf8[lineStart...].firstIndex(of: 0x0A) ?? body.utf8.endIndex
            let line = body[lineStart..<lineEnd]
            lineStart = lineEnd == body.utf8.endIndex ? lineEnd : body.utf8.index(after: lineEnd)
            // Cheap tests on the bytes first: each pattern runs only on lines holding words it cannot match without.
            let quotesApplications = ByteSearch.contains(line, "申请") && ByteSearch.contains(line, "共") && ByteSearch.contains(line, "件")
            let quotesOpened = ByteSearch.contains(line, "予以公开")
            let deniesApplications = ByteSearch.contains(line, "公开申请")
            guard quotesApplications || quotesOpened || deniesApplications else { continue }
            let text = String(line)
            let range = NSRange(text.startIndex..., in: text)
            let location = SourceLocation(file: file, line: firstLine + offset)
            for (index, pattern) in narrativePatterns.enumerated() where index == 0 ? quotesApplications : quotesOpened {
                for match in pattern.regex.matches(in: text, range: range) {
                    guard let quoted = Int(text[Range(match.range(at: 1), in: text)!]), let total = t3.cell(pattern.row, 6) else { continue }
                    if Amount(quoted) != total {
                        let quote = text[Range(match.range, in: text)!]
                        findings.append(
                            .warning(.narrativeDisagrees(quote: String(quote), row: pattern.label, total: total.text), at: location, rule: .narrative))
                    }
                }
            }
            if deniesApplications, let match = noApplications.firstMatch(in: text, range: range), let total = t3.cell("N", 6), !total.isZero {
                let quote = text[Range(match.range, in: text)!]
                findings.append(
                    .warning(.narrativeDisagrees(quote: String(quote), row: narrativePatterns[0].label, total: total.text), at: location, rule: .narrative))
            }
        }
        return findings
    }
}
