import Testing

@testable import PortalKit

@Suite struct ReportSourceTests {
    @Test func parsesAllKeys() throws {
        let text = reportText(extra: "written: 2025-01-18\nissuer: 测试县花庄镇人民政府\ndocument_number: 花政〔2025〕1号\n")
        let (report, diagnostics) = parseReport(text)
        #expect(diagnostics.isEmpty)
        let r = try #require(report)
        #expect(r.year == 2024)
        #expect(r.published == CalendarDate(year: 2025, month: 1, day: 20))
        #expect(r.written == CalendarDate(year: 2025, month: 1, day: 18))
        #expect(r.documentNumber == "花政〔2025〕1号")
        let lines = text.components(separatedBy: "\n")
        #expect(lines[r.bodyFirstLine - 2] == "---")
        let body = try FrontMatter.split(SourceText(path: "r.md", text: text)).body
        #expect(lines[(r.bodyFirstLine - 1)...].joined(separator: "\n") == body)
        #expect(body.contains("## 一、总体情况"))
    }

    @Test func typoInKeyIsAnErrorWithSuggestionAndFileLine() {
        let text = "---\ntitle: t\ntownship: 花庄镇\nyear: 2024\npublised: 2025-01-20\nindex_number: a\n---\n"
        let (report, diagnostics) = parseReport(text, path: "Content/reports/2024/a.md")
        #expect(report == nil)
        let typo = diagnostics.first { $0.message.id == "unknownKey" }
        #expect(typo?.message == .unknownKey(key: "publised", part: .frontMatter, suggestion: "published", known: ReportSource.keys))
        // The documented compiler form, in both languages.
        #expect(typo?.rendered(.chinese) == "Content/reports/2024/a.md:5:1: 错误: 报告开头的信息区（两行 --- 之间）中没有 `publised` 这一项；是不是想写 `published`？")
        #expect(typo?.rendered(.english) == "Content/reports/2024/a.md:5:1: error: unknown key `publised` in the front matter; did you mean `published`?")
        #expect(diagnostics.contains { $0.message == .keyMissing(key: "published", label: "发布日期") })
    }

    @Test func impossibleDatesAndTimestampsAreRefused() {
        let (_, d1) = parseReport(reportText(published: "2024-02-30"))
        #expect(d1.count == 1 && d1[0].message == .dateNotReal(key: "published", label: "发布日期", text: "2024-02-30") && d1[0].location?.line == 5)
        let (_, d2) = parseReport(reportText(published: "2025-13-01"))
        #expect(d2.count == 1 && d2[0].message == .dateNotReal(key: "published", label: "发布日期", text: "2025-13-01"))
        let (_, d3) = parseReport(reportText(published: "2025-01-20T10:00:00+08:00"))
        #expect(d3.count == 1 && d3[0].message == .dateWithTime(key: "published", label: "发布日期", text: "2025-01-20T10:00:00+08:00", date: "2025-01-20"))
    }

    @Test func yearMustBeANumber() {
        let text = reportText().replacingOccurrences(of: "year: 2024", with: "year: 二〇二四")
        let (_, diagnostics) = parseReport(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == .notWholeNumber(key: "year", label: "年度", text: "二〇二四"))
        #expect(diagnostics[0].location?.line == 4)
    }

    @Test func lineNumbersSurviveCRLFAndBOM() throws {
        let text = "\u{FEFF}" + reportText(published: "2024-02-30").replacingOccurrences(of: "\n", with: "\r\n")
        let (_, diagnostics) = parseReport(text)
        #expect(diagnostics.first?.location?.line == 5)
    }

    @Test func datesAreNotShiftedByTimeZones() throws {
        let (report, _) = parseReport(reportText(published: "2025-01-01"))
        #expect(report?.published.iso == "2025-01-01")
        #expect(report?.published.chinese == "2025年1月1日")
    }
}
