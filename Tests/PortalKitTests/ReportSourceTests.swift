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
        let typo = diagnostics.first { $0.message.contains("publised") }
        #expect(typo?.description == "Content/reports/2024/a.md:5:1: error: unknown key `publised` in the front matter; did you mean `published`?")
        #expect(diagnostics.contains { $0.message.contains("`published` (发布日期) is missing") })
    }

    @Test func impossibleDatesAndTimestampsAreRefused() {
        let (_, d1) = parseReport(reportText(published: "2024-02-30"))
        #expect(d1.count == 1 && d1[0].message.contains("not a real date") && d1[0].location?.line == 5)
        let (_, d2) = parseReport(reportText(published: "2025-13-01"))
        #expect(d2.count == 1 && d2[0].message.contains("not a real date"))
        let (_, d3) = parseReport(reportText(published: "2025-01-20T10:00:00+08:00"))
        #expect(d3.count == 1 && d3[0].message.contains("write the date only, as `published: 2025-01-20`"))
    }

    @Test func yearMustBeANumber() {
        let text = reportText().replacingOccurrences(of: "year: 2024", with: "year: 二〇二四")
        let (_, diagnostics) = parseReport(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.contains("`year` (年度) must be a whole number"))
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
