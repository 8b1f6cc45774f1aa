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

    /// Rules within one report: T3-1…T3-4, T4-1, T2-1 and blank cells.
    static func check(_ report: Report) -> [Diagnostic] {
        check(report.statistics, file: report.source)
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
            let rowList = table.spec.rows.filter { rows.contains($0.key) }.map(\.key).joined(separator: ", ")
            findings.append(
                .warning(
                    "\(table.spec.id.label) has \(blanks.count) blank cell\(blanks.count == 1 ? "" : "s") (rows \(rowList); the first is row \(first.row.label), column \(first.row.columns[first.column].label)); blank cells are shown blank and count as 0 in sums",
                    at: at(table.spec.id, first.row.key, first.column), rule: .blank,
                    publicMessage: "\(table.spec.id.label)有\(blanks.count)个单元格未填写（首个为“\(first.row.label)”行“\(first.row.columns[first.column].label)”栏），汇总时按0计"))
        }

        // T2-1, T3-4: kinds of figures.
        for table in s.tables {
            let rule: RuleID = table.spec.id == .t2 ? .t2Kinds : .t3Kinds
            for (rowIndex, row) in table.spec.rows.enumerated() {
                for column in row.columns.indices {
                    // Most figures are plain counts, which need no look.
                    guard let amount = table[rowIndex, column], amount.scale != 0 || amount.isNegative else { continue }
                    let spec = row.columns[column]
                    let problem: String?
                    switch spec.kind {
                    case .count: problem = amount.isWholeNumber && !amount.isNegative ? nil : "a whole number ≥ 0"
                    case .change: problem = amount.isWholeNumber ? nil : "a whole number"
                    case .money: problem = amount.isNegative ? "an amount ≥ 0" : nil
                    }
                    if let problem {
                        findings.append(
                            .error(
                                "\(table.spec.id.label) row \(row.label), column \(spec.label): \(amount.text) is not \(problem)",
                                at: at(table.spec.id, row.key, column), rule: rule,
                                publicMessage: "\(table.spec.id.label)“\(row.label)”行“\(spec.label)”栏填写为\(amount.text)，应为\(chineseKind(spec.kind))"))
                    }
                }
            }
        }

        let balances = ArithmeticRules.t3(format: s.format) { s.t3.value($0, $1) } + ArithmeticRules.t4 { s.t4.value($0, $1) }
        for balance in balances {
            let table = balance.rule == .t4Results ? s.t4 : s.t3
            let place = at(table.spec.id, balance.row, balance.column)
            guard let holds = balance.holds else {
                let row = table.spec.row(balance.row)
                let where_ = "\(table.spec.id.label)“\(row?.label ?? balance.row)”行“\(row?.columns[balance.column].label ?? "")”栏"
                findings.append(
                    .error(
                        "\(where_)所涉及的数字过大，无法相加（超出可以记录的范围）；请核对这些数字", at: place, rule: .overflow,
                        publicMessage: "\(where_)所涉及的数字过大，无法核对"))
                continue
            }
            if !holds { findings.append(finding(for: balance, in: table, at: place)) }
        }
        return findings
    }

    /// The finding for a balance of `ArithmeticRules` that does not hold (both totals known).
    static func finding(for balance: ArithmeticRules.Balance, in table: StatTable, at place: SourceLocation?) -> Diagnostic {
        func n(_ value: Amount?) -> String { value?.text ?? "?" }
        func terms(_ side: [ArithmeticRules.Term], _ separator: String) -> String { side.map { "\($0.label) \(n($0.amount))" }.joined(separator: separator) }
        let left = n(balance.leftTotal)
        let right = n(balance.rightTotal)
        let row = table.spec.row(balance.row)!
        let columnLabel = StatisticsSchema.t3Columns[min(balance.column, 6)].label
        switch balance.rule {
        case .t3Balance:
            let cells = (balance.left + balance.right).map { n($0.amount) }
            return .error(
                "column \(columnLabel): 本年新收 \(cells[0]) + 上年结转 \(cells[1]) = \(left), but 总计 \(cells[2]) + 结转下年度 \(cells[3]) = \(right)",
                at: place, rule: balance.rule,
                publicMessage: "T3“\(columnLabel)”栏：本年新收\(cells[0])＋上年结转\(cells[1])＝\(left)，与办理结果总计\(cells[2])＋结转下年度\(cells[3])＝\(right)不一致")
        case .t3Results:
            return .error(
                "column \(columnLabel): 总计 is \(left), but the results add up to \(terms(balance.right, " + ")) = \(right)",
                at: place, rule: balance.rule, publicMessage: "T3“\(columnLabel)”栏：办理结果总计为\(left)，但各项办理结果之和为\(right)")
        case .t3Applicants:
            return .error(
                "row \(row.label): 总计 is \(left), but \(terms(balance.right, " + ")) = \(right)",
                at: place, rule: balance.rule, publicMessage: "T3“\(row.label)”行：总计为\(left)，但各类申请人之和为\(right)")
        default:
            return .error(
                "\(row.group.map { $0 + " " } ?? "")\(row.label): 总计 is \(left), but \(terms(balance.right, " + ")) = \(right)",
                at: place, rule: balance.rule,
                publicMessage: "T4“\(row.group.map { $0 + "·" } ?? "")\(row.label)”：总计为\(left)，但各项结果之和为\(right)")
        }
    }

    /// X-1 and X-2: the same township's consecutive years must join up.
    static func checkConsecutive(previous: Report, current: Report) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let p = previous.statistics
        let s = current.statistics
        func n(_ value: Amount) -> String { value.text }
        for (c, column) in StatisticsSchema.t3Columns.enumerated() where s.t3.value("K", c) != p.t3.value("J", c) {
            findings.append(
                .error(
                    "column \(column.label): 上年结转 is \(n(s.t3.value("K", c))) in the \(current.year) report, but the \(previous.year) report (\(previous.source)) carried \(n(p.t3.value("J", c))) over (结转下年度继续办理)",
                    at: s.location(table: .t3, row: "K", column: c), rule: .carriedOver,
                    publicMessage: "T3“\(column.label)”栏：上年结转为\(n(s.t3.value("K", c)))，但\(previous.year)年度报告的结转下年度继续办理为\(n(p.t3.value("J", c)))"))
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
                            "\(label): 现行有效件数 is \(n(s.t2.value(row, 2))), but \(previous.year)'s \(n(p.t2.value(row, 2))) + 本年制发 \(n(s.t2.value(row, 0))) − 本年废止 \(n(s.t2.value(row, 1))) = \(n(expected)) (this is expected after a clean-up of documents)",
                            at: s.location(table: .t2, row: row, column: 2), rule: .documentsInForce,
                            publicMessage: "T2“\(label)”：现行有效件数为\(n(s.t2.value(row, 2)))，按上年数据推算应为\(n(expected))（文件集中清理后可能属正常）"))
                }
            }
        }
        return findings
    }

    static func chineseKind(_ kind: ColumnSpec.Kind) -> String {
        switch kind {
        case .count: "非负整数"
        case .change: "整数"
        case .money: "非负金额"
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
                            .warning(
                                "the text says \(quote), but T3 \(pattern.label) 总计 is \(total.text)", at: location, rule: .narrative,
                                publicMessage: "正文称“\(quote)”，但统计表中\(pattern.label)总计为\(total.text)"))
                    }
                }
            }
            if deniesApplications, let match = noApplications.firstMatch(in: text, range: range), let total = t3.cell("N", 6), !total.isZero {
                let quote = text[Range(match.range, in: text)!]
                findings.append(
                    .warning(
                        "the text says \(quote), but T3 本年新收政府信息公开申请 总计 is \(total.text)", at: location, rule: .narrative,
                        publicMessage: "正文称“\(quote)”，但统计表中本年新收政府信息公开申请总计为\(total.text)"))
            }
        }
        return findings
    }
}
