import Foundation
import Testing

@testable import PortalKit

/// Legacy reports (`format: legacy`, before 2019) and the 2021 format's `combined` variant (T3's
/// （六）其他处理 printed as one row, `F`).
@Suite struct LegacyAndCombinedTests {
    /// All-zero 2021 tables with T3's F1–F3 replaced by the one row `F` (`rows` as `tablesYAML`'s).
    static func combinedYAML(_ rows: [String: String] = [:], f: String = "[0, 0, 0, 0, 0, 0, 0]", format: String? = "2021", keep: [String] = [])
        -> String
    {
        var lines = tablesYAML(rows, format: format).components(separatedBy: "\n")
        let first = lines.firstIndex { $0.hasPrefix("  F1: ") }!
        lines.insert("  F: \(f)", at: first)
        lines.removeAll { line in ["F1", "F2", "F3"].contains { line.hasPrefix("  \($0): ") && !keep.contains($0) } }
        return lines.joined(separator: "\n")
    }

    static func line(_ text: String, _ prefix: String) -> Int { (text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1 }

    // MARK: - The combined variant

    @Test func aCombinedReportIsThe2021FormatWithTheOneRowF() throws {
        let rows = ["N": "[2, 0, 0, 0, 0, 0, 2]", "A": "[1, 0, 0, 0, 0, 0, 1]", "G": "[2, 0, 0, 0, 0, 0, 2]"]
        for format in ["2021", nil] {
            let (report, diagnostics) = parseReport(reportText(tables: Self.combinedYAML(rows, f: "[1, 0, 0, 0, 0, 0, 1]", format: format)))
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            let s = try #require(report?.statistics)
            #expect(s.format == .v2021 && s.variant == .combined)
            #expect(s.t3.spec == StatisticsSchema.t3(format: .v2021, variant: .combined))
            #expect(s.t3.spec.row("F")?.label == StatisticsSchema.groupF && s.t3.spec.row("F1") == nil)
            #expect(s.t2.spec == StatisticsSchema.t2v2021)
            #expect(s.t3.cell("F", 6)?.text == "1")
            // T3-2 holds with F in place of F1 + F2 + F3.
            #expect(report?.findings.isEmpty == true, "\(report?.findings ?? [])")
        }
        // A 2019 report's F stays the 2019 format.
        let (r2019, d2019) = parseReport(reportText(year: 2020, published: "2021-01-20", tables: StatisticsParserTests.tables2019(format: nil)))
        #expect(d2019.isEmpty)
        #expect(r2019?.statistics?.format == .v2019 && r2019?.statistics?.variant == .official)
    }

    @Test func ruleT3TwoAddsFWhereTheTablePrintsOneRow() throws {
        // G = 1, but A 1 + F 1 = 2: the finding names 其他处理 with F's figure.
        let rows = ["N": "[1, 0, 0, 0, 0, 0, 1]", "A": "[1, 0, 0, 0, 0, 0, 1]", "G": "[1, 0, 0, 0, 0, 0, 1]"]
        let (report, _) = parseReport(reportText(tables: Self.combinedYAML(rows, f: "[1, 0, 0, 0, 0, 0, 1]")))
        let findings = try #require(report?.findings)
        let results = findings.filter { $0.rule == .t3Results }
        #expect(results.count == 2)
        guard case .t3ResultsBroken(_, let total, let terms, let sum) = results.first?.message else {
            Issue.record("no T3-2 finding: \(findings)")
            return
        }
        #expect(total == "1" && sum == "2")
        #expect(terms.last == Message.Term(label: "其他处理", value: "1"))
        // The same figures in F1 of a 2021 report give the same finding: the rules are the 2021 ones otherwise.
        let (split, _) = parseReport(reportText(tables: tablesYAML(rows.merging(["F1": "[1, 0, 0, 0, 0, 0, 1]"]) { $1 })))
        #expect(split?.findings.map(\.message) == findings.map(\.message))
        // T3-3 applies to the row F.
        let (wrongTotal, _) = parseReport(reportText(tables: Self.combinedYAML(f: "[1, 0, 0, 0, 0, 0, 0]")))
        #expect(
            wrongTotal?.findings.contains { $0.rule == .t3Applicants && $0.location?.line == Self.line(reportText(tables: Self.combinedYAML()), "  F: ") }
                == true)
    }

    @Test func fTogetherWithAnyOfFOneToThreeIsAnErrorAtF() {
        for keep in [["F1", "F2", "F3"], ["F2"], ["F1", "F3"]] {
            let text = reportText(tables: Self.combinedYAML(keep: keep))
            let (report, diagnostics) = parseReport(text)
            #expect(report == nil)
            #expect(diagnostics.map(\.message) == [.otherRowsMixed(row: "F", rows: keep, splitRows: ["F1", "F2", "F3"])])
            #expect(diagnostics.first?.location?.line == Self.line(text, "  F: "))
            #expect(diagnostics.first?.severity == .error)
        }
    }

    @Test func combinedReportsAreSummedOnlyWithCombinedReports() throws {
        let (a, _) = parseReport(reportText(tables: Self.combinedYAML(f: "[1, 0, 0, 0, 0, 0, 1]")))
        let (b, _) = parseReport(reportText(tables: Self.combinedYAML(f: "[2, 0, 0, 0, 0, 0, 2]")))
        let (c, _) = parseReport(reportText(tables: tablesYAML(["F3": "[5, 0, 0, 0, 0, 0, 5]"])))
        let all = try [a, b, c].map { try #require($0?.statistics) }
        let combined = try Statistics.sum(StatisticsLayout(.v2021, .combined), all).get()
        #expect(combined.t3.cell("F", 6)?.text == "3")
        let split = try Statistics.sum(StatisticsLayout(.v2021), all).get()
        // F is never put into F3: the 2021 compilation holds only the report with three rows.
        #expect(split.t3.cell("F3", 6)?.text == "5" && split.t3.cell("F", 6) == nil)
    }

    // MARK: - Legacy reports

    static let legacyBody = "前言。共收到申请5件。\n\n| 项目 | 件数 |\n| --- | ---: |\n| 受理申请 | 3 |\n"

    @Test func aLegacyReportHasNoTablesAndNoRules() throws {
        let (report, diagnostics) = parseReport(reportText(year: 2016, published: "2017-03-20", tables: "format: legacy\n", body: Self.legacyBody))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let source = try #require(report)
        #expect(source.statistics == nil)
        // N-1 quotes T3, which a legacy report does not have: no finding for 共收到申请5件.
        #expect(source.findings.isEmpty)
        #expect(source.title.hasSuffix("2016年政府信息公开工作年度报告") && source.year == 2016)
    }

    @Test func aLegacyReportWithTablesInItsFrontMatterIsAnErrorAtEachTable() {
        let text = reportText(year: 2016, published: "2017-03-20", tables: "format: legacy\n" + tablesYAML(format: nil))
        let (report, diagnostics) = parseReport(text)
        #expect(report == nil)
        #expect(
            diagnostics.map(\.message) == TableID.allCases.map { .legacyHasTables(table: $0.rawValue, caption: $0.caption) })
        #expect(diagnostics.map { $0.location?.line } == ["t2:", "t3:", "t4:"].map { Self.line(text, $0) })
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(Message.legacyHasTables(table: "t3", caption: TableID.t3.caption).text(.chinese).contains("Markdown 表格"))
    }

    @Test func aLegacyReportOf2019OrLaterIsAWarningAtItsFormat() throws {
        for (year, warned) in [(2016, false), (2018, false), (2019, true), (2023, true)] {
            let text = reportText(year: year, published: "\(year + 1)-03-01", tables: "format: legacy\n", body: Self.legacyBody)
            let (report, diagnostics) = parseReport(text)
            #expect(report?.statistics == nil)
            #expect(diagnostics.map(\.message) == (warned ? [.legacyInOfficialYear(year: year)] : []))
            #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.location?.line == Self.line(text, "format: legacy") })
        }
    }

    @Test func formatInvalidNamesLegacy() {
        let (report, diagnostics) = parseReport(reportText(tables: "format: 旧格式\n"))
        #expect(report == nil)
        #expect(diagnostics.map(\.message) == [.formatInvalid(text: "旧格式")])
        #expect(Message.formatInvalid(text: "旧格式").text(.chinese).contains("format: legacy"))
    }

    // MARK: - Pipe tables in a legacy body

    @Test func pipeTablesBecomeTablesAndEverythingElseStaysMarkdown() {
        let markdown = """
            段落 | 不是表格。

            | 类别 | 条数 |
            |:---|---:|
            | a\\|b | **12** |
            | 只有一格 |

            ```
            | 代码 | 块 |
            | --- | --- |
            ```

            | 表头 | 不配 |
            | --- |
            """
        let html = MarkdownDocument(markdown).htmlWithPipeTables()
        #expect(html.contains("<p>段落 | 不是表格。</p>"))
        #expect(html.contains("<tr><th scope=\"col\">类别</th><th scope=\"col\">条数</th></tr>"))
        #expect(html.contains("<tr><td>a|b</td><td><strong>12</strong></td></tr>"))
        #expect(html.contains("<tr><td>只有一格</td><td></td></tr>"))
        #expect(html.contains("<pre><code>| 代码 | 块 |"))
        #expect(html.components(separatedBy: "<table").count == 2, "\(html)")
        #expect(html.contains("<p>| 表头 | 不配 |"))
        // Raw HTML in a cell is still omitted.
        #expect(!MarkdownDocument("| a |\n| - |\n| <script>x</script> |\n").htmlWithPipeTables().contains("<script>"))
    }

    // MARK: - Writing such files

    @Test func theWriterWritesALegacyFileThatReadsBack() throws {
        let township = Township(name: "花庄镇", organ: "测试县花庄镇人民政府", slug: "huazhuang", order: 0)
        let text = ContentFileWriter.writeLegacy(
            title: "测试县花庄镇人民政府2015年政府信息公开工作年度报告", township: township, year: 2015, published: CalendarDate(year: 2016, month: 3, day: 1)!,
            written: nil, indexNumber: "X/2016-00001", issuer: nil, documentNumber: nil,
            body: [
                .paragraph("前言\n第二行"), .heading("一、概述"), .table([["项目", "件数"], ["受理 | 办结", "3"], ["*合计*"]]), .table([]),
            ])
        let (report, diagnostics) = parseReport(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)\n\(text)")
        #expect(report?.statistics == nil && report?.year == 2015)
        #expect(text.contains("format: legacy"))
        #expect(!text.contains("t3:"))
        #expect(text.contains("| 受理 \\| 办结 | 3 |"))
        let body = String(text[text.range(of: "---\n\n", options: .backwards)!.upperBound...])
        let html = MarkdownDocument(body).htmlWithPipeTables()
        #expect(html.contains("<p>前言 第二行</p>") && html.contains("<h2>一、概述</h2>"))
        #expect(html.contains("<tr><td>受理 | 办结</td><td>3</td></tr>"))
        #expect(html.contains("<tr><td>*合计*</td><td></td></tr>"))
        #expect(html.components(separatedBy: "<table").count == 2)
        #expect(ContentFileWriter.pipeTable([]) == nil)
    }

    @Test func theWriterWritesACombinedFileThatReadsBack() throws {
        let township = Township(name: "花庄镇", organ: "测试县花庄镇人民政府", slug: "huazhuang", order: 0)
        var t3: [String: [Amount?]] = [:]
        for row in StatisticsSchema.t3(format: .v2021, variant: .combined).rows { t3[row.key] = Array(repeating: Amount(0), count: 7) }
        t3["N"] = [1, 0, 0, 0, 0, 0, 1].map { Amount($0) }
        t3["G"] = t3["N"]
        t3["F"] = t3["N"]
        let text = ContentFileWriter.write(
            title: "测试县花庄镇人民政府2023年政府信息公开工作年度报告", township: township, year: 2023, published: CalendarDate(year: 2024, month: 1, day: 20)!,
            written: nil, indexNumber: "X/2024-00001", issuer: nil, documentNumber: nil, format: .v2021, variant: .combined,
            tables: [.t3: t3], narrative: [], notes: [])
        #expect(text.contains("\n  F:  [1, 0, 0, 0, 0, 0, 1]") && !text.contains("F1:"), "\(text)")
        let (report, diagnostics) = parseReport(text)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(report?.statistics?.variant == .combined && report?.statistics?.t3.cell("F", 0)?.text == "1")
    }
}
