import Testing

@testable import PortalKit

/// The slips of a Chinese input method, each named at the character it is on (line and column of
/// the file), with its fix — never only the YAML parser's words.
@Suite struct InputSlipTests {
    /// The one diagnostic of a report whose default text has `original` replaced by `slip`.
    func diagnostic(replacing original: String, with slip: String, tables: String = tablesYAML()) throws -> Diagnostic {
        let text = reportText(tables: tables)
        #expect(text.contains(original))
        let (report, diagnostics) = parseReport(text.replacingOccurrences(of: original, with: slip))
        #expect(report == nil)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        return try #require(diagnostics.first)
    }

    func at(_ line: Int, _ column: Int) -> String { "r.md:\(line):\(column)" }

    @Test func aFullWidthColonIsNamedWhereItIs() throws {
        let d = try diagnostic(replacing: "year: 2024", with: "year：2024")
        #expect(d.message == .yamlFullWidth(character: "：", name: "中文冒号", replacement: ":", example: "year: 2024"))
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(4, 5))
        #expect(d.message.text(.chinese) == "这里是全角的“：”（中文冒号）；这里要用半角（英文输入法）的“:”，请切换到英文输入法重新输入，例如 `year: 2024`")
    }

    @Test func aFullWidthColonOnTheLastLineToo() throws {
        let text = "---\ntitle: t\nyear：2024\n---\n"
        let (_, diagnostics) = parseReport(text)
        #expect(diagnostics.map(\.message) == [.yamlFullWidth(character: "：", name: "中文冒号", replacement: ":", example: "year: 2024")])
        #expect(diagnostics.first?.location.map { "\($0.file):\($0.line):\($0.column)" } == at(3, 5))
    }

    @Test func fullWidthCommasInATableRow() throws {
        let d = try diagnostic(replacing: "  A: [0, 0, 0, 0, 0, 0, 0]", with: "  A: [0，0，0，0，0，0，0]")
        #expect(d.message == .rowFullWidthBrackets(table: "T3", row: "A", label: "（一）予以公开", example: "[0, 0, 0, 0, 0, 0, 0]"))
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(18, 6))
    }

    @Test func fullWidthBracketsInATableRow() throws {
        let d = try diagnostic(replacing: "  rules: [0, 0, 0]", with: "  rules: ［0, 0, 0］")
        #expect(d.message == .rowFullWidthBrackets(table: "T2", row: "rules", label: "规章", example: "[0, 0, 0]"))
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(9, 10))
    }

    @Test func fullWidthDigitsAreShownWithTheirASCIIForm() throws {
        let year = try diagnostic(replacing: "year: 2024", with: "year: ２０２４")
        #expect(year.message == .fullWidthDigits(key: "year", label: "年度", text: "２０２４", ascii: "2024"))
        #expect(year.location.map { "\($0.file):\($0.line):\($0.column)" } == at(4, 7))
        let cell = try diagnostic(replacing: "  N: [0, 0, 0, 0, 0, 0, 0]", with: "  N: [０, 0, 0, 0, 0, 0, 0]")
        #expect(cell.message == .cellFullWidthDigits(table: "T3", row: "N", label: "一、本年新收政府信息公开申请数量", column: 1, columnLabel: "自然人", text: "０", ascii: "0"))
        #expect(cell.location.map { "\($0.file):\($0.line):\($0.column)" } == at(16, 7))
    }

    @Test func aTabUsedForIndentation() throws {
        let d = try diagnostic(replacing: "  K: [0, 0, 0, 0, 0, 0, 0]", with: "\tK: [0, 0, 0, 0, 0, 0, 0]")
        #expect(d.message == .yamlTabIndent)
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(17, 1))
    }

    @Test func aMissingSpaceAfterTheColon() throws {
        let d = try diagnostic(replacing: "year: 2024", with: "year:2024")
        #expect(d.message == .yamlNoSpaceAfterColon(key: "year", value: "2024"))
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(4, 5))
        #expect(d.message.text(.chinese) == "`year:` 的冒号后面缺少空格；请写成 `year: 2024`")
    }

    @Test func anUnclosedQuote() throws {
        let d = try diagnostic(replacing: "title: 测试县", with: "title: \"测试县")
        #expect(d.message == .yamlUnclosedQuote(quote: "\""))
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(2, 8))
    }

    @Test func anUnclosedBracket() throws {
        let d = try diagnostic(replacing: "  A: [0, 0, 0, 0, 0, 0, 0]", with: "  A: [0, 0, 0, 0, 0, 0, 0")
        #expect(d.message == .yamlUnclosedBracket(open: "[", close: "]"))
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(18, 6))
    }

    @Test func datesWrittenAnotherWayAreShownAsTheyMustBeWritten() throws {
        for written in ["2025/01/15", "2025.01.15", "2025年1月15日", "2025-1-15", "２０２５年１月１５日"] {
            let d = try diagnostic(replacing: "published: 2025-01-20", with: "published: \(written)")
            #expect(d.message == .dateWrongForm(key: "published", label: "发布日期", text: written, date: "2025-01-15"), "\(written)")
            #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == at(5, 12))
        }
        let impossible = try diagnostic(replacing: "published: 2025-01-20", with: "published: 2025/02/30")
        #expect(impossible.message == .dateNotReal(key: "published", label: "发布日期", text: "2025/02/30"))
    }

    @Test func anUnrecognisedSyntaxErrorStillExplainsInChinese() throws {
        let (_, diagnostics) = parseReport("---\ntitle: t\n  year: 2024\n---\n")
        let d = try #require(diagnostics.first)
        #expect(d.message.id == "yamlSyntax")
        #expect(d.message.text(.chinese).hasPrefix("这里的写法无法读取（YAML 语法错误："))
        #expect(d.location?.line == 3)
    }

    /// Values that merely contain such characters are text, not slips.
    @Test func fullWidthPunctuationInsideTextIsText() throws {
        let text = reportText(title: "关于：示例县［花庄镇］，2024年度报告")
        let (report, diagnostics) = parseReport(text)
        #expect(diagnostics.isEmpty)
        #expect(report?.title == "关于：示例县［花庄镇］，2024年度报告")
    }
}

/// More slips, from trying the tool as a clerk would.
@Suite struct MoreInputSlipTests {
    func only(_ text: String) throws -> Diagnostic {
        let (_, diagnostics) = parseReport(text)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        return try #require(diagnostics.first)
    }

    @Test func aCellLeftOutBetweenCommas() throws {
        let d = try only(reportText(tables: tablesYAML(["N": "[6, 1, , 0, 0, 0, 7]"])))
        #expect(d.message == .yamlEmptyItem)
        #expect(d.location?.line == 16 && d.location?.column == 13)
    }

    @Test func aColonAndSpaceInsideAValue() throws {
        let d = try only(reportText(title: "关于: 测试县花庄镇2024年政府信息公开工作年度报告"))
        #expect(d.message == .yamlColonInValue(key: "title", value: "\"关于: 测试县花庄镇2024年政府信息公开工作年度报告\""))
        #expect(d.location?.line == 2 && d.location?.column == 10)
    }

    @Test func aFullWidthSpaceAfterTheColon() throws {
        let d = try only(reportText().replacingOccurrences(of: "year: 2024", with: "year:　2024"))
        #expect(d.message == .yamlFullWidth(character: "　", name: "全角空格", replacement: "空格", example: "year: 2024"))
        #expect(d.location?.line == 4 && d.location?.column == 6)
    }

    @Test func figuresSeparatedByEnumerationCommas() throws {
        let d = try only(reportText(tables: tablesYAML(["t2.rules": "[0、0、0]"])))
        #expect(d.message == .rowFullWidthBrackets(table: "T2", row: "rules", label: "规章", example: "[0, 0, 0]"))
    }

    @Test func theOrgansFullNameSuggestsItsTownship() throws {
        let (config, _) = parseSettings(minimalSettings)
        let source = try #require(parseReport(reportText(township: "测试县花庄镇人民政府")).0)
        let (_, diagnostics) = Validator.validate(config: try #require(config), sources: [source])
        #expect(diagnostics.map(\.message) == [.townshipUnknown(name: "测试县花庄镇人民政府", suggestion: "花庄镇", names: ["花庄镇", "东城镇", "西山乡"])])
        let far = try #require(parseReport(reportText(township: "青石镇")).0)
        let (_, farDiagnostics) = Validator.validate(config: try #require(config), sources: [far])
        #expect(farDiagnostics.map(\.message) == [.townshipUnknown(name: "青石镇", suggestion: nil, names: ["花庄镇", "东城镇", "西山乡"])])
    }

    @Test func placeholdersOfANewReportAreNamedAtTheirLine() throws {
        let body = "## 一、总体情况\n\n" + ReportSection.placeholderOpening + "本年度的情况。）\n"
        let text = reportText(body: body)
        let (report, diagnostics) = parseReport(text)
        #expect(report != nil, "a warning, not an error")
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(ReportSection.placeholderOpening) }! + 1
        #expect(diagnostics.map(\.message) == [.placeholderLeft])
        #expect(diagnostics.first?.severity == .warning && diagnostics.first?.location?.line == line)
    }
}
