import Testing

@testable import PortalKit

@Suite struct SupervisionLayoutTests {
    func report() throws -> Report {
        let text = reportText(township: "花庄镇", year: 2024, published: "2025-01-20", index: "花庄镇2024", tables: tablesYAML(), body: "正文。\n")
        let (source, diagnostics) = parseReport(text)
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        let (config, _) = parseSettings(minimalSettings)
        let (portal, _) = Validator.validate(config: try #require(config), sources: [try #require(source)])
        return portal.reports[0]
    }

    /// Every state is written in words, flags add to the published state, and the link is escaped.
    @Test func cellsStateEveryCaseInWords() throws {
        let report = try report()
        let township = report.township
        let cells = [
            Supervision.Cell(township: township, year: 2025, report: nil, late: false, zeroReport: false, legacy: false, arithmeticFindings: 0),
            Supervision.Cell(township: township, year: 2024, report: report, late: false, zeroReport: false, legacy: false, arithmeticFindings: 0),
            Supervision.Cell(township: township, year: 2024, report: report, late: true, zeroReport: true, legacy: false, arithmeticFindings: 2),
            Supervision.Cell(township: township, year: 2016, report: report, late: false, zeroReport: false, legacy: true, arithmeticFindings: 0),
        ]
        let html = SupervisionLayout.cells(cells) { _ in "../a&b/index.html" }
        let tds = html.components(separatedBy: "</td>").dropLast()
        #expect(tds.count == 4)
        #expect(tds[0] == "<td class=\"state-missing\"><span class=\"cell-year\">2025年度：</span><span class=\"mark\" aria-hidden=\"true\">✕</span> 未公开")
        #expect(
            tds[1]
                == "<td class=\"state-published\"><span class=\"cell-year\">2024年度：</span><a href=\"../a&amp;b/index.html\"><span class=\"mark\" aria-hidden=\"true\">✓</span> 已公开</a> <span class=\"date\">2025年1月20日</span>"
        )
        #expect(tds[2].hasPrefix("<td class=\"state-published state-late state-findings\">"))
        for flag in [
            "<span class=\"flag flag-late\">逾期</span>", "<span class=\"flag flag-zero\">零报告</span>", "<span class=\"flag flag-findings\">数据核对有误 2 处</span>",
        ] {
            #expect(tds[2].contains(flag))
            #expect(!tds[1].contains(flag))
            #expect(!tds[3].contains(flag))
        }
        // A legacy report is published, in a state of its own: 旧格式, never 未公开 or 未填写.
        #expect(tds[3].hasPrefix("<td class=\"state-published state-legacy\">"))
        #expect(tds[3].contains("<span class=\"flag flag-legacy\">旧格式</span>") && tds[3].contains("已公开"))
        #expect(!tds[3].contains("未公开") && !tds[3].contains("未填写"))
        #expect(!tds[1].contains("旧格式") && !tds[2].contains("旧格式"))
    }

    /// Years outside the township's existence and years not yet due are states of their own, in words.
    @Test func cellsOfYearsNotExpectedOrNotDue() throws {
        let township = try report().township
        var cells = [
            Supervision.Cell(township: township, year: 2020, report: nil, late: false, zeroReport: false, legacy: false, arithmeticFindings: 0),
            Supervision.Cell(township: township, year: 2023, report: nil, late: false, zeroReport: false, legacy: false, arithmeticFindings: 0),
            Supervision.Cell(township: township, year: 2024, report: nil, late: false, zeroReport: false, legacy: false, arithmeticFindings: 0),
            Supervision.Cell(township: township, year: 2025, report: nil, late: false, zeroReport: false, legacy: false, arithmeticFindings: 0),
        ]
        cells[0].absence = .notEstablished
        cells[1].absence = .abolished(mergedInto: "东城镇")
        cells[2].absence = .abolished(mergedInto: nil)
        cells[3].notDue = true
        cells[3].nameOfTheYear = "花庄<乡>"
        #expect(cells.map(\.missing) == [false, false, false, false])
        let tds = SupervisionLayout.cells(cells) { _ in "" }.components(separatedBy: "</td>").dropLast()
        #expect(tds[0].hasPrefix("<td class=\"state-absent\">") && tds[0].hasSuffix("</span> 未设立"))
        #expect(tds[1].hasSuffix("</span> 已并入东城镇"))
        #expect(tds[2].hasSuffix("</span> 已撤销"))
        #expect(tds[3].hasPrefix("<td class=\"state-not-due\">") && tds[3].contains("</span> 未到期"))
        #expect(tds[3].contains("时称花庄&lt;乡&gt;"))
        for td in tds { #expect(!td.contains("未公开")) }
    }
}
