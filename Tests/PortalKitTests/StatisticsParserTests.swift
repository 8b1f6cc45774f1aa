import Foundation
import Testing

@testable import PortalKit

@Suite struct StatisticsParserTests {
    @Test func readsEveryCellKeepingBlanksAndExactDecimals() throws {
        let text = reportText(tables: tablesYAML(["N": "[3, ~, 0, null, 0, 0, 3]", "t2.fees": "24252.311082", "t2.normative": "[1, 0, 4]"]))
        let (report, diagnostics) = parseReport(text)
        #expect(diagnostics.isEmpty)
        let s = try #require(report?.statistics)
        #expect(s.format == .v2021)
        #expect(s.t3.cell("N", 0)?.text == "3")
        #expect(s.t3.cell("N", 1) == nil)
        #expect(s.t3.cell("N", 2)?.text == "0")
        #expect(s.t3.cell("N", 3) == nil)
        #expect(s.t2.cell("fees", 0)?.text == "24252.311082")
        #expect(s.t2.cell("fees", 0) == Amount(mantissa: 24_252_311_082, scale: 6))
        #expect(s.t2.cell("normative", 2)?.text == "4")
        #expect(s.t3.spec.rows.count == 25)
        #expect(s.t4.spec.rows.map(\.key) == ["R", "S", "P"])
    }

    @Test func rowLinesAndCellColumnsAreRecorded() throws {
        let text = reportText(tables: tablesYAML())
        let (report, _) = parseReport(text)
        let s = try #require(report?.statistics)
        let lines = text.components(separatedBy: "\n")
        let nLine = try #require(lines.firstIndex { $0.hasPrefix("  N: ") }) + 1
        #expect(s.location(table: .t3, row: "N")?.line == nLine)
        #expect(s.location(table: .t3, row: "N", column: 0)?.column == 7)
        #expect(s.location(table: .t3, row: "N", column: 1)?.column == 10)
    }

    @Test func formatIsInferredFromTheRowsNeverFromTheYear() throws {
        let (r2021, _) = parseReport(reportText(year: 2019, published: "2020-01-20", tables: tablesYAML(format: nil)))
        #expect(r2021?.statistics?.format == .v2021)

        let (r2019, d2019) = parseReport(reportText(year: 2024, tables: Self.tables2019(format: nil)))
        #expect(d2019.isEmpty, "\(d2019)")
        let s = try #require(r2019?.statistics)
        #expect(s.format == .v2019)
        #expect(s.t3.spec.row("F") != nil && s.t3.spec.row("F1") == nil)
        #expect(s.t2.cell("licensing", 1)?.text == "-2")
        #expect(s.t2.cell("procurement", 1)?.text == "15.5")
    }

    @Test func explicitFormatMustMatchTheTables() {
        let (_, diagnostics) = parseReport(reportText(tables: Self.tables2019(format: "2021")))
        #expect(diagnostics.count == 1)
        // T3's F alone is also the 2021 format's combined variant: the 2019 T2 is what conflicts.
        #expect(diagnostics[0].message == .formatConflict(declared: "2021", evidence: "t2: other_services/procurement", shown: "2019"))
    }

    @Test func wordsWrongLengthsMissingAndUnknownRowsAreErrorsAtTheirLine() throws {
        var tables = tablesYAML(["A": "[1, 0, 0, 0, 0, 0]", "B": "[一, 0, 0, 0, 0, 0, 0]", "t4.R": "5"])
        tables = tables.replacingOccurrences(of: "  C3: [0, 0, 0, 0, 0, 0, 0]\n", with: "  C9: [0, 0, 0, 0, 0, 0, 0]\n")
        let text = reportText(tables: tables)
        let lines = text.components(separatedBy: "\n")
        func line(_ prefix: String) -> Int { (lines.firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1 }
        let (report, diagnostics) = parseReport(text)
        #expect(report == nil)
        #expect(
            diagnostics.contains {
                $0.location?.line == line("  A: ") && $0.message.id == "rowWrongCount" && $0.message.text(.english).contains("has 6 figures, but it needs 7")
            })
        #expect(
            diagnostics.contains {
                $0.location?.line == line("  B: ") && $0.location?.column == 7 && $0.message.id == "cellNotNumber"
                    && $0.message.text(.chinese).contains("`一` 不是数字")
            })
        #expect(
            diagnostics.contains {
                $0.location?.line == line("  C9: ") && $0.message.id == "rowUnknown" && $0.message.text(.english).contains("`C9` is not a row of T3")
            })
        #expect(diagnostics.contains { $0.message == .rowMissing(table: "T3", row: "C3", label: "3.危及“三安全一稳定”", example: "[0, 0, 0, 0, 0, 0, 0]") })
        #expect(
            diagnostics.contains {
                $0.location?.line == line("  R: ") && $0.message.id == "rowNotBracketed"
                    && $0.message.text(.english).contains("must list its 5 figures in brackets")
            })
        #expect(diagnostics.count == 5)
    }

    @Test func missingTablesAreErrors() {
        let (report, diagnostics) = parseReport(reportText(tables: ""))
        #expect(report == nil)
        #expect(
            diagnostics.filter { $0.message.id == "keyMissing" }.map(\.message) == [
                .keyMissing(key: "t2", label: "主动公开政府信息情况"), .keyMissing(key: "t3", label: "收到和处理政府信息公开申请情况"),
                .keyMissing(key: "t4", label: "政府信息公开行政复议、行政诉讼情况"),
            ])
    }

    @Test func amountsAreExact() throws {
        let a = try #require(Amount("24252.311082"))
        let b = try #require(Amount("4068.208"))
        #expect(Amount.sum(a, b)?.text == "28320.519082")
        #expect(Amount.sum(Amount("0.1")!, Amount("0.2")!) == Amount("0.3")!)
        #expect(Amount("4068.20")?.text == "4068.20")
        #expect(Amount("1e3") == nil)
        #expect(Amount("1.") == nil && Amount(".5") == nil && Amount("--1") == nil)
        #expect(Amount("1234567890123456789") == nil, "more digits than an exact figure can hold")
        #expect(Amount("0.000001")?.text == "0.000001")
        #expect(Amount.sum(Amount("-2")!, Amount("0.5")!)?.text == "-1.5")
        #expect(Amount("4068.20")! == Amount("4068.2")!, "equal values compare equal")
        #expect(Amount("1,000") == nil)
        #expect(Amount("") == nil)
        #expect(Amount("-3")?.isNegative == true)
        #expect(Amount("2.0")?.isWholeNumber == true)
        #expect(Amount("2.5")?.isWholeNumber == false)
    }

    /// Tables in the 2019 trial format.
    static func tables2019(format: String?) -> String {
        let t3 = ["N", "K", "A", "B"] + (1...8).map { "C\($0)" } + (1...3).map { "D\($0)" } + (1...5).map { "E\($0)" } + ["F", "G", "J"]
        var lines: [String] = []
        if let format { lines.append("format: \(format)") }
        lines += [
            "t2:", "  rules: [0, 0, 0]", "  normative: [1, 1, 3]", "  licensing: [10, -2, 8]", "  other_services: [3, 0, 5]",
            "  penalty: [2, 0, 4]", "  coercion: [0, 0, 0]", "  fees: [1, 0]", "  procurement: [2, 15.5]", "t3:",
        ]
        lines += t3.map { "  \($0): [0, 0, 0, 0, 0, 0, 0]" }
        lines += ["t4:", "  R: [0, 0, 0, 0, 0]", "  S: [0, 0, 0, 0, 0]", "  P: [0, 0, 0, 0, 0]"]
        return lines.joined(separator: "\n") + "\n"
    }
}
