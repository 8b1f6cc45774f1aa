import Foundation
import Testing

@testable import PortalKit

@Suite struct StatisticsCheckerTests {
    /// A consistent table: 5 new (4 natural persons, 1 business), 1 carried over, 6 handled, none carried on.
    static let consistent: [String: String] = [
        "N": "[4, 1, 0, 0, 0, 0, 5]", "K": "[1, 0, 0, 0, 0, 0, 1]",
        "A": "[3, 0, 0, 0, 0, 0, 3]", "B": "[0, 1, 0, 0, 0, 0, 1]", "D1": "[2, 0, 0, 0, 0, 0, 2]",
        "G": "[5, 1, 0, 0, 0, 0, 6]", "t4.R": "[1, 0, 0, 1, 2]",
    ]

    func report(
        _ rows: [String: String], year: Int = 2024, township: String = "花庄镇", body: String = "正文。\n",
        format: String? = "2021", tables: String? = nil, path: String = "r.md"
    ) throws -> (Report, [String]) {
        let text = reportText(
            township: township, year: year, published: "\(year + 1)-01-20", index: "\(township)\(year)",
            tables: tables ?? tablesYAML(Self.consistent.merging(rows) { $1 }, format: format), body: body)
        let (source, diagnostics) = parseReport(text, path: path)
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        let (config, _) = parseSettings(minimalSettings)
        let (portal, _) = Validator.validate(config: try #require(config), sources: [try #require(source)])
        return (portal.reports[0], text.components(separatedBy: "\n"))
    }

    func rules(_ findings: [Diagnostic]) -> [RuleID] { findings.compactMap(\.rule) }

    @Test func consistentTablesHaveNoFindings() throws {
        let (r, _) = try report([:])
        #expect(StatisticsChecker.check(r).isEmpty)
        let (zero, _) = try report([:], tables: tablesYAML())
        #expect(StatisticsChecker.check(zero).isEmpty)
        #expect(zero.statistics?.isZeroReport == true && r.statistics?.isZeroReport == false)
    }

    @Test func t3_1_comparesNewPlusCarriedWithHandledPlusCarriedOn() throws {
        let (r, lines) = try report(["J": "[1, 0, 0, 0, 0, 0, 1]"])
        let findings = StatisticsChecker.check(r).filter { $0.rule == .t3Balance }
        #expect(findings.count == 2)
        #expect(findings[0].message == .t3BalanceBroken(column: "自然人", received: "4", carried: "1", left: "5", total: "5", carriedOn: "1", right: "6"))
        #expect(findings[0].severity == .error)
        #expect(findings[0].location?.line == (lines.firstIndex { $0.hasPrefix("  N: ") }! + 1))
        #expect(findings[1].message.id == "t3BalanceBroken" && findings[1].message.text(.english).hasPrefix("column 总计:"))
        #expect(findings[0].publicMessage?.contains("不一致") == true)
    }

    @Test func t3_2_requiresEachApplicationToHaveOneResult() throws {
        let (r, lines) = try report(["E2": "[1, 0, 0, 0, 0, 0, 1]"])
        let findings = StatisticsChecker.check(r)
        let t32 = findings.filter { $0.rule == .t3Results }
        #expect(t32.count == 2)
        #expect(t32[0].message.text(.english) == "column 自然人: 总计 is 5, but the results add up to 予以公开 3 + 部分公开 0 + 不予公开 0 + 无法提供 2 + 不予处理 1 + 其他处理 0 = 6")
        #expect(t32[0].location?.line == (lines.firstIndex { $0.hasPrefix("  G: ") }! + 1))
        #expect(t32[0].location?.column == 7)
        #expect(!rules(findings).contains(.t3Balance))
    }

    @Test func t3_3_checksEachRowTotal() throws {
        let (r, _) = try report(["C4": "[1, 0, 0, 0, 0, 0, 2]", "G": "[5, 1, 0, 0, 0, 0, 6]"])
        let findings = StatisticsChecker.check(r).filter { $0.rule == .t3Applicants }
        #expect(findings.count == 1)
        #expect(findings[0].message.id == "t3ApplicantsBroken" && findings[0].message.text(.english).hasPrefix("row 4.保护第三方合法权益: 总计 is 2, but 自然人 1 + 商业企业 0"))
        #expect(findings[0].location?.column == 26, "the 总计 cell")
    }

    @Test func t3_4_andT2_1_flagNegativeAndFractionalCounts() throws {
        let (r, _) = try report(["C1": "[-1, 0, 0, 0, 0, 0, -1]", "t2.licensing": "2.5", "t2.fees": "-3"])
        let findings = StatisticsChecker.check(r)
        #expect(findings.filter { $0.rule == .t3Kinds }.count == 2)
        let t21 = findings.filter { $0.rule == .t2Kinds }
        #expect(t21.count == 2)
        #expect(t21.contains { $0.message == .figureWrongKind(table: "T2", row: "行政许可", column: "本年处理决定数量", value: "2.5", kind: .count) })
        #expect(t21.contains { $0.message == .figureWrongKind(table: "T2", row: "行政事业性收费", column: "本年收费金额（单位：万元）", value: "-3", kind: .money) })
    }

    @Test func t4_1_checksEachGroupTotal() throws {
        let (r, _) = try report(["t4.S": "[1, 1, 0, 0, 1]"])
        let findings = StatisticsChecker.check(r).filter { $0.rule == .t4Results }
        #expect(findings.count == 1)
        #expect(findings[0].message.text(.english) == "行政诉讼 未经复议直接起诉: 总计 is 1, but 结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2")
    }

    @Test func blankCellsCountAsZeroAndAreReportedOncePerTable() throws {
        let (r, _) = try report(["A": "[3, ~, ~, ~, ~, ~, 3]", "B": "[0, 1, ~, ~, ~, ~, 1]"])
        let findings = StatisticsChecker.check(r)
        #expect(findings.count == 1)
        #expect(findings[0].rule == .blank && findings[0].severity == .warning)
        #expect(findings[0].message.id == "blankCells" && findings[0].message.text(.english).hasPrefix("T3 has 9 blank cells (rows A, B;"))
        #expect(r.statistics?.t3.cell("A", 1) == nil)
        #expect(r.statistics?.t3.value("A", 1) == .zero)
    }

    @Test func the2019FormatHasASingleOtherRow() throws {
        var tables = StatisticsParserTests.tables2019(format: "2019")
        tables = tables.replacingOccurrences(of: "  F: [0, 0, 0, 0, 0, 0, 0]", with: "  F: [1, 0, 0, 0, 0, 0, 1]")
        let (r, _) = try report([:], tables: tables)
        let findings = StatisticsChecker.check(r)
        #expect(rules(findings) == [.t3Results, .t3Results])
        #expect(findings[0].message.text(.chinese).contains("其他处理 1"))
        let (clean, _) = try report([:], tables: StatisticsParserTests.tables2019(format: "2019"))
        #expect(StatisticsChecker.check(clean).isEmpty)
    }

    @Test func x1_joinsConsecutiveYearsOfTheSameTownship() throws {
        let (previous, _) = try report(["J": "[2, 0, 0, 0, 0, 0, 2]", "G": "[3, 1, 0, 0, 0, 0, 4]", "A": "[1, 0, 0, 0, 0, 0, 1]"], year: 2023, path: "a.md")
        let (current, lines) = try report([:], year: 2024, path: "b.md")
        #expect(StatisticsChecker.check(previous).isEmpty)
        let findings = StatisticsChecker.checkConsecutive(previous: previous, current: current)
        #expect(rules(findings) == [.carriedOver, .carriedOver])
        #expect(findings[0].message == .carriedOverBroken(column: "自然人", value: "1", year: 2024, previousYear: 2023, previousFile: "a.md", previousValue: "2"))
        #expect(findings[0].location?.line == (lines.firstIndex { $0.hasPrefix("  K: ") }! + 1))
    }

    @Test func x2_isAWarningAboutDocumentsInForce() throws {
        let (previous, _) = try report(["t2.normative": "[0, 0, 3]"], year: 2023)
        let (current, _) = try report(["t2.normative": "[2, 1, 3]"], year: 2024)
        let findings = StatisticsChecker.checkConsecutive(previous: previous, current: current).filter { $0.rule == .documentsInForce }
        #expect(findings.count == 1)
        #expect(findings[0].severity == .warning)
        #expect(
            findings[0].message
                == .documentsInForceBroken(row: "行政规范性文件", value: "3", previousYear: 2023, previousValue: "3", issued: "2", repealed: "1", expected: "4"))
        let (fine, _) = try report(["t2.normative": "[2, 1, 4]"], year: 2024)
        #expect(StatisticsChecker.checkConsecutive(previous: previous, current: fine).filter { $0.rule == .documentsInForce }.isEmpty)
    }

    /// The byte search behind the narrative checks agrees with a plain search at every position,
    /// including a word cut off by the end of the text and lead bytes shared with other characters.
    @Test func byteSearchAgreesWithPlainSearch() {
        let text = "依申请公开予以公开申请共件申"
        for start in text.indices {
            for end in text[start...].indices.dropFirst() {
                let slice = text[start..<end]
                for word: StaticString in ["申请", "予以公开", "公开申请", "件", "申请共"] {
                    let plain = Array(String(slice).utf8)
                    let needle = Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
                    let expected =
                        plain.count >= needle.count && (0...(plain.count - needle.count)).contains { plain[$0..<($0 + needle.count)].elementsEqual(needle) }
                    #expect(ByteSearch.contains(slice, word) == expected)
                }
            }
        }
    }

    @Test func n1_comparesFiguresQuotedInTheNarrative() throws {
        let body = "## 一、总体情况\n\n全年共收到政府信息公开申请4件，予以公开3件。\n"
        let (r, lines) = try report([:], body: body)
        let findings = r.findings.filter { $0.rule == .narrative }
        #expect(findings.count == 1)
        #expect(findings[0].rule == .narrative && findings[0].severity == .warning)
        #expect(findings[0].message == .narrativeDisagrees(quote: "共收到政府信息公开申请4件", row: "本年新收政府信息公开申请", total: "5"))
        #expect(findings[0].location?.line == (lines.firstIndex { $0.contains("共收到") }! + 1))

        let (agrees, _) = try report([:], body: "共收到政府信息公开申请 5 件，予以公开 3 件。\n")
        #expect(agrees.findings.isEmpty)
        let (opened, _) = try report([:], body: "其中予以公开9件。\n")
        #expect(opened.findings.map(\.message) == [.narrativeDisagrees(quote: "予以公开9件", row: "予以公开", total: "3")])
        let (none, _) = try report([:], body: "本年度未收到政府信息公开申请。\n")
        #expect(none.findings.map(\.rule) == [.narrative])
        let (zero, _) = try report([:], body: "本年度未收到政府信息公开申请。\n", tables: tablesYAML())
        #expect(zero.findings.isEmpty)
    }

    @Test func compilationSumsCellByCellKeepingDecimalsExact() throws {
        let (a, _) = try report(["t2.fees": "24252.311082"], township: "花庄镇")
        let (b, _) = try report(["t2.fees": "4068.208", "A": "[3, ~, 0, 0, 0, 0, 3]"], township: "东城镇")
        let sum = try Statistics.sum(.v2021, [try #require(a.statistics), try #require(b.statistics)]).get()
        #expect(sum.t2.cell("fees", 0)?.text == "28320.519082")
        #expect(sum.t3.cell("N", 6)?.text == "10")
        #expect(sum.t3.cell("A", 1)?.text == "0")
        #expect(sum.t4.cell("R", 4)?.text == "4")
    }
}
